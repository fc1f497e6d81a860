using System.IO.Compression;
using Hw4.Dashboard.Configuration;

namespace Hw4.Bench;

/// <summary>
/// A data folder for the web-host benchmarks: a subset of the shared CIFAR-10 zip (real images, first ones of each
/// class) with a small test split, because the trainer evaluates the whole test set after every run and 10,000 test
/// images would dominate a short A/B run. Kept in the temp folder under a name fixed by its size, so the decoded cache
/// (keyed by path) is reused across invocations.
/// </summary>
internal static class BenchData
{
    public static string SubsetDataDir(string? dataDir, int trainPerClass, int testPerClass)
    {
        var source = DataLocator.FromOptions(new Hw4Options { DataDir = dataDir }).CifarArchive
            ?? throw new ArgumentException($"No CIFAR-10 archive found (datasets/{DataLocator.CifarZipName} under --data, HW4_DATA or a shared/ folder).");
        var target = Path.Combine(Path.GetTempPath(), $"hw4-bench-data-{trainPerClass}-{testPerClass}");
        var zip = Path.Combine(target, "datasets", DataLocator.CifarZipName);
        if (File.Exists(zip))
            return target;

        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        var partial = $"{zip}.{Environment.ProcessId}.tmp";
        using (var input = ZipFile.OpenRead(source))
        using (var output = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            var taken = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in input.Entries)
            {
                var parts = entry.FullName.Split('/');
                if (parts.Length < 3 || parts[^1].Length == 0 || parts[^3] is not ("train" or "test"))
                    continue;
                var key = parts[^3] + "/" + parts[^2];
                var count = taken.GetValueOrDefault(key);
                if (count >= (parts[^3] == "train" ? trainPerClass : testPerClass))
                    continue;
                taken[key] = count + 1;
                using var from = entry.Open();
                using var to = output.CreateEntry(string.Join('/', parts[^3..]), CompressionLevel.NoCompression).Open();
                from.CopyTo(to);
            }
        }

        File.Move(partial, zip, overwrite: true);
        return target;
    }
}
