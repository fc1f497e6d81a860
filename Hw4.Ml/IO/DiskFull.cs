namespace Hw4.Ml.IO;

/// <summary>Recognises a write refused because the disk (or the user's quota) is full.</summary>
public static class DiskFull
{
    // ENOSPC (28) and EDQUOT (122) on Linux, whose errno .NET keeps as the HResult; ERROR_DISK_FULL on Windows.
    private static readonly int[] Codes = [28, 122, unchecked((int)0x80070070)];

    /// <summary>True when <paramref name="e"/> (or what it wraps) says the disk is full.</summary>
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is IOException && Codes.Contains(e.HResult))
                return true;
        }

        return false;
    }
}
