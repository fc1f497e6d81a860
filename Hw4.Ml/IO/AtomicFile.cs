namespace Hw4.Ml.IO;

/// <summary>
/// Writes files so that a reader (or a crash) never sees half of one: the bytes go to a temp file in the same folder,
/// which is flushed to the disk and then renamed over the target (rename is atomic within a file system). A write that
/// fails (a full disk) leaves the previous file as it was and removes the temp file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Lets <paramref name="write"/> produce a file at a temp path, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var temp = TempPathFor(path);
        try
        {
            write(temp);
            // Whoever wrote it may not have flushed: make the bytes durable before the name points at them.
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
                stream.Flush(flushToDisk: true);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static string TempPathFor(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }
}
