namespace Hw4.Ml.Data;

/// <summary>
/// A dataset could not be read: a missing, truncated or corrupt file, an image of the wrong size, an unknown class,
/// a label out of range. The message is one line that names the file or entry, meant to be shown to the user as is.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception with a user-facing one-line message.</summary>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing one-line message and the low-level cause.</summary>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
