using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Hw4.Ml.Data;

/// <summary>
/// Reads the official CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin (records of 1 label byte plus
/// 3072 CHW pixel bytes) and batches.meta.txt (class names, one a line), from a folder or cifar-10-binary.tar.gz.
/// </summary>
internal static class CifarBinaryReader
{
    private const int RecordBytes = 1 + ImageSet.ImageBytes;

    public static IReadOnlyList<string> TrainBatches { get; } = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public const string TestBatch = "test_batch.bin";

    public const string MetaFile = "batches.meta.txt";

    /// <summary>Whether a directory (or its cifar-10-batches-bin child) holds the binary batches.</summary>
    public static string? FindBatchDirectory(string directory)
    {
        if (File.Exists(Path.Combine(directory, TrainBatches[0])) || File.Exists(Path.Combine(directory, TestBatch)))
            return directory;
        var nested = Path.Combine(directory, "cifar-10-batches-bin");
        return Directory.Exists(nested) ? nested : null;
    }

    public static (ImageSet Train, ImageSet Test) ReadDirectory(string directory, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var budget = ReadBudget.For(directory, options);
        foreach (var name in TrainBatches.Append(TestBatch).Append(MetaFile))
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
                files[name] = budget.ReadFile(path, name);
        }

        return Assemble(files, directory, budget, progress);
    }

    public static (ImageSet Train, ImageSet Test) ReadTar(string archivePath, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var budget = ReadBudget.For(archivePath, options);
        var wanted = TrainBatches.Append(TestBatch).Append(MetaFile).ToHashSet(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(archivePath);
            using Stream stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var tar = new TarReader(stream);
            while (tar.GetNextEntry() is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(entry.Name);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !wanted.Contains(name) || entry.DataStream is null)
                {
                    // Skipping still inflates the member (a gzip stream cannot seek), so it counts against the total.
                    budget.Charge($"entry {entry.Name}", entry.Length);
                    continue;
                }

                files[name] = budget.ReadMember(entry.DataStream, $"entry {entry.Name}", entry.Length);
                progress?.Report(new DatasetLoadProgress("reading", files.Count, wanted.Count));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DatasetException($"{archivePath}: corrupt or truncated archive ({ex.Message}).", ex);
        }

        return Assemble(files, archivePath, budget, progress);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip;
    }

    private static (ImageSet Train, ImageSet Test) Assemble(Dictionary<string, byte[]> files, string source, ReadBudget budget, IProgress<DatasetLoadProgress>? progress)
    {
        foreach (var name in TrainBatches.Append(TestBatch))
        {
            if (!files.ContainsKey(name))
                throw new DatasetException($"{source}: {name} is missing.");
        }

        // Without the meta file the official order is the only sensible one; the labels are still range-checked.
        IReadOnlyList<string> classes = files.TryGetValue(MetaFile, out var meta)
            ? ParseMeta(meta, source)
            : CifarClasses.Official;
        budget.CheckImages(TrainBatches.Append(TestBatch).Sum(n => (long)files[n].Length / RecordBytes));
        var train = Parse(TrainBatches.Select(n => (n, files[n])).ToArray(), classes, source);
        var test = Parse([(TestBatch, files[TestBatch])], classes, source);
        progress?.Report(new DatasetLoadProgress("decoding", train.Count + test.Count, train.Count + test.Count));
        return (train, test);
    }

    private static IReadOnlyList<string> ParseMeta(byte[] meta, string source)
    {
        var names = Encoding.UTF8.GetString(meta)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
        if (names.Length == 0)
            throw new DatasetException($"{source}: {MetaFile} lists no class names.");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new DatasetException($"{source}: {MetaFile} lists a class name twice.");
        return names;
    }

    private static ImageSet Parse((string Name, byte[] Data)[] batches, IReadOnlyList<string> classes, string source)
    {
        var count = 0;
        foreach (var (name, data) in batches)
        {
            if (data.Length == 0 || data.Length % RecordBytes != 0)
                throw new DatasetException($"{source}: {name} is {data.Length} bytes, not a whole number of {RecordBytes}-byte records (truncated?).");
            count += data.Length / RecordBytes;
        }

        var pixels = new byte[(long)count * ImageSet.ImageBytes];
        var labels = new int[count];
        var image = 0;
        foreach (var (name, data) in batches)
        {
            for (var r = 0; r < data.Length / RecordBytes; r++, image++)
            {
                var record = data.AsSpan(r * RecordBytes, RecordBytes);
                if (record[0] >= classes.Count)
                    throw new DatasetException($"{source}: {name} record {r} has label {record[0]}, outside 0..{classes.Count - 1}.");
                labels[image] = record[0];
                record[1..].CopyTo(pixels.AsSpan(image * ImageSet.ImageBytes, ImageSet.ImageBytes));
            }
        }

        return new ImageSet(pixels, labels, classes);
    }
}
