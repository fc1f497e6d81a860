using System.IO.Compression;

namespace Hw4.Ml.Data;

/// <summary>
/// Reads the image-folder layout (train/&lt;class&gt;/*, test/&lt;class&gt;/*) from a directory or a .zip and decodes the
/// images in parallel into compact <see cref="ImageSet"/>s.
/// </summary>
internal static class ImageFolderReader
{
    // A 32×32 image is a few KB in any format; anything far larger is not a CIFAR image and is refused before reading.
    private const long MaxEncodedBytes = 4 * 1024 * 1024;

    // Images handed to a worker at a time: big enough to keep the shared counter cold, small enough to balance.
    private const int Batch = 64;

    private sealed record Entry(string Name, string Split, string ClassName)
    {
        public int ZipIndex { get; init; } = -1;

        public string? FilePath { get; init; }
    }

    public static (ImageSet Train, ImageSet Test) ReadZip(string zipPath, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        var entries = new List<Entry>();
        var budget = ReadBudget.For(zipPath, options with { MaxMemberBytes = Math.Min(options.MaxMemberBytes, MaxEncodedBytes) });
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            var names = archive.Entries.Select(e => e.FullName).ToList();
            var root = FindRoot(names, zipPath);
            for (var i = 0; i < archive.Entries.Count; i++)
            {
                var zipEntry = archive.Entries[i];
                var entry = Classify(zipEntry.FullName, root, zipPath);
                if (entry is null)
                    continue;
                if (zipEntry.Length > MaxEncodedBytes)
                    throw new DatasetException($"{zipPath}: entry {zipEntry.FullName} is {zipEntry.Length} bytes, too large for a 32×32 image.");
                // Charged at its declared size before anything is inflated; reading stops at that size.
                budget.Charge($"entry {zipEntry.FullName}", zipEntry.Length);
                entries.Add(entry with { ZipIndex = i });
            }

            // ZipArchive is not thread-safe, so each decoding worker opens its own instance over the same file (the
            // entry order is the central directory's, identical in every instance) and inflates what it decodes.
            return Decode(entries, zipPath, options, budget, progress, ct, () => ZipFile.OpenRead(zipPath));
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetException($"{zipPath}: corrupt or truncated zip archive ({ex.Message}).", ex);
        }
    }

    public static (ImageSet Train, ImageSet Test) ReadDirectory(string directory, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        var directories = Directory.EnumerateDirectories(directory, "*", SearchOption.TopDirectoryOnly)
            .Select(d => Path.GetFileName(d) + "/");
        var root = FindRoot(files.Concat(directories), directory);
        var entries = new List<Entry>();
        var budget = ReadBudget.For(directory, options with { MaxMemberBytes = Math.Min(options.MaxMemberBytes, MaxEncodedBytes) });
        foreach (var relative in files)
        {
            var entry = Classify(relative, root, directory);
            if (entry is null)
                continue;
            var path = Path.Combine(directory, relative);
            var length = new FileInfo(path).Length;
            if (length > MaxEncodedBytes)
                throw new DatasetException($"{path}: {length} bytes, too large for a 32×32 image.");
            budget.Charge(relative, length);
            entries.Add(entry with { FilePath = path });
        }

        return Decode(entries, directory, options, budget, progress, ct, () => null);
    }

    /// <summary>The prefix that holds train/ and test/: empty, or one wrapping folder such as "cifar10/".</summary>
    private static string FindRoot(IEnumerable<string> names, string source)
    {
        var tops = new HashSet<string>(StringComparer.Ordinal);
        var seconds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var parts = name.Split('/');
            if (parts.Length >= 2)
                tops.Add(parts[0]);
            if (parts.Length >= 3)
                seconds.Add(parts[0] + "/" + parts[1]);
        }

        if (tops.Contains("train") && tops.Contains("test"))
            return string.Empty;
        var wrapped = tops.Where(t => !IsIgnored(t)).ToList();
        if (wrapped.Count == 1 && seconds.Contains(wrapped[0] + "/train") && seconds.Contains(wrapped[0] + "/test"))
            return wrapped[0] + "/";
        var missing = tops.Contains("train") ? "test/" : "train/";
        throw new DatasetException($"{source}: no {missing} folder; expected train/<class>/* and test/<class>/* images.");
    }

    /// <summary>Maps a path to an image entry, null for files that are not images of the layout (README, folders).</summary>
    private static Entry? Classify(string fullName, string root, string source)
    {
        if (fullName.EndsWith('/'))
            return null;
        if (!fullName.StartsWith(root, StringComparison.Ordinal))
            return null;
        var parts = fullName[root.Length..].Split('/');
        if (parts.Any(IsIgnored))
            return null;
        if (parts.Length == 1)
            return null; // top-level files such as README.txt
        if (parts[0] is not ("train" or "test"))
            throw new DatasetException($"{source}: unexpected folder {root}{parts[0]}/ (only train/ and test/ are allowed).");
        if (parts.Length != 3)
            throw new DatasetException($"{source}: {fullName} is not of the form {parts[0]}/<class>/<image>.");
        return new Entry(fullName, parts[0], parts[1]);
    }

    // Hidden files and macOS archive metadata are not part of the dataset.
    private static bool IsIgnored(string part) => part.StartsWith('.') || part == "__MACOSX";

    private static byte[] ReadEntry(ZipArchiveEntry entry, ReadBudget budget)
    {
        using var stream = entry.Open();
        return budget.ReadDeclared(stream, $"entry {entry.FullName}", entry.Length);
    }

    private static (ImageSet Train, ImageSet Test) Decode(List<Entry> entries, string source, DatasetLoadOptions options, ReadBudget budget, IProgress<DatasetLoadProgress>? progress, CancellationToken ct, Func<ZipArchive?> openArchive)
    {
        var train = entries.Where(e => e.Split == "train").OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        var test = entries.Where(e => e.Split == "test").OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        if (train.Length == 0)
            throw new DatasetException($"{source}: train/ holds no images.");
        if (test.Length == 0)
            throw new DatasetException($"{source}: test/ holds no images.");

        budget.CheckImages(train.Length + test.Length);
        var classes = CifarClasses.Order(train.Select(e => e.ClassName));
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var unknown = test.Select(e => e.ClassName).FirstOrDefault(c => !index.ContainsKey(c));
        if (unknown is not null)
            throw new DatasetException($"{source}: test/{unknown}/ is a class that train/ does not have.");

        var trainPixels = new byte[(long)train.Length * ImageSet.ImageBytes];
        var testPixels = new byte[(long)test.Length * ImageSet.ImageBytes];
        var total = train.Length + test.Length;
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = options.ResolvedParallelism };
        try
        {
            // One long-lived worker per thread pulling small batches from a shared counter: each worker opens the
            // archive once (opening parses the whole central directory, too costly per task as Parallel.For's
            // localInit would do when it recycles tasks).
            var next = 0;
            var workers = Math.Min(options.ResolvedParallelism, total);
            Parallel.For(0, workers, parallel, _ =>
            {
                using var archive = openArchive();
                int start;
                while ((start = Interlocked.Add(ref next, Batch) - Batch) < total)
                {
                    ct.ThrowIfCancellationRequested();
                    for (var i = start; i < Math.Min(start + Batch, total); i++)
                    {
                        var (entry, pixels, slot) = i < train.Length ? (train[i], trainPixels, i) : (test[i - train.Length], testPixels, i - train.Length);
                        var data = archive is null ? budget.ReadFile(entry.FilePath!, entry.Name, charged: true) : ReadEntry(archive.Entries[entry.ZipIndex], budget);
                        ImageDecoder.DecodeInto(data, pixels.AsSpan(slot * ImageSet.ImageBytes, ImageSet.ImageBytes), $"{source}: {entry.Name}");
                    }

                    var now = Interlocked.Add(ref done, Math.Min(Batch, total - start));
                    if (now / 2000 != (now - Batch) / 2000 || now == total)
                        progress?.Report(new DatasetLoadProgress("decoding", now, total));
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<DatasetException>().Any())
        {
            throw ex.InnerExceptions.OfType<DatasetException>().First();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<InvalidDataException>().Any())
        {
            var inner = ex.InnerExceptions.OfType<InvalidDataException>().First();
            throw new DatasetException($"{source}: corrupt or truncated archive ({inner.Message}).", inner);
        }

        return (
            new ImageSet(trainPixels, train.Select(e => index[e.ClassName]).ToArray(), classes),
            new ImageSet(testPixels, test.Select(e => index[e.ClassName]).ToArray(), classes));
    }
}
