using System.Security.Cryptography;
using System.Text;
using Hw4.Ml.IO;

namespace Hw4.Ml.Data;

/// <summary>
/// Cheap and exact identities of a dataset source (a file, or a directory tree). The fingerprint (sizes and
/// modification times) is checked on every warm load; the content hash (SHA-256 of the bytes) only when the
/// fingerprint changed, so a `touch` costs one re-hash but not a re-decode, and a real edit forces a rebuild.
/// </summary>
internal static class SourceIdentity
{
    public static string Fingerprint(string path)
    {
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            return $"file:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, info) in Files(path))
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{info.Length}\0{info.LastWriteTimeUtc.Ticks}\n"));
        return "dir:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string ContentHash(string path, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        if (File.Exists(path))
        {
            using var stream = InputFile.OpenRead(path);
            AppendStream(hash, stream, buffer, progress, stream.Length, ct);
        }
        else
        {
            var files = Files(path).ToList();
            var done = 0;
            foreach (var (relative, info) in files)
            {
                ct.ThrowIfCancellationRequested();
                // Paths are hashed too, so moving an image to another class folder changes the hash.
                hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{info.Length}\0"));
                using var stream = InputFile.OpenRead(info.FullName);
                AppendStream(hash, stream, buffer, null, 0, ct);
                if (++done % 5000 == 0)
                    progress?.Report(new DatasetLoadProgress("hashing", done, files.Count));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendStream(IncrementalHash hash, Stream stream, byte[] buffer, IProgress<DatasetLoadProgress>? progress, long total, CancellationToken ct)
    {
        long done = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            hash.AppendData(buffer, 0, n);
            done += n;
            if (progress is not null && done % (16 << 20) < n)
                progress.Report(new DatasetLoadProgress("hashing", done, total));
        }
    }

    private static IEnumerable<(string Relative, FileInfo Info)> Files(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(directory, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), Info: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
}
