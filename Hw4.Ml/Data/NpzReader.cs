using System.IO.Compression;

namespace Hw4.Ml.Data;

/// <summary>
/// Reads the seed homework's .npz: X (uint8, N×32×32×3, HWC), y (integer labels) and label_names (unicode). The last
/// <see cref="DatasetLoadOptions.TestSize"/> images (10,000 by default) form the test set, the rest the training set.
/// </summary>
internal static class NpzReader
{
    public const int DefaultTestSize = 10_000;

    public static (ImageSet Train, ImageSet Test) Read(string path, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        NpyArray x, y;
        NpyArray? names;
        var budget = ReadBudget.For(path, options);
        try
        {
            using var archive = ZipFile.OpenRead(path);
            x = ReadMember(archive, "X", path, budget) ?? throw new DatasetException($"{path}: no X array (expected X, y, label_names).");
            ct.ThrowIfCancellationRequested();
            y = ReadMember(archive, "y", path, budget) ?? throw new DatasetException($"{path}: no y array (expected X, y, label_names).");
            names = ReadMember(archive, "label_names", path, budget);
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetException($"{path}: corrupt or truncated .npz archive ({ex.Message}).", ex);
        }

        progress?.Report(new DatasetLoadProgress("reading", 1, 1));
        if (x.Kind != 'u' || x.ItemSize != 1 || x.Shape.Count != 4 || x.Shape[1] != ImageSet.Height || x.Shape[2] != ImageSet.Width || x.Shape[3] != ImageSet.Channels)
            throw new DatasetException($"{path}: X is {x.Descr} with shape ({string.Join(", ", x.Shape)}); expected uint8 (N, 32, 32, 3).");
        var count = (int)x.Shape[0];
        budget.CheckImages(count);
        if (y.Length != count)
            throw new DatasetException($"{path}: y has {y.Length} labels for {count} images in X.");
        var labels = y.ToInt64();

        // Without label_names the official CIFAR-10 order is assumed; labels are still range-checked against it.
        var classes = names is null ? CifarClasses.Official : names.ToStrings();
        if (classes.Count == 0)
            throw new DatasetException($"{path}: label_names is empty.");
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes.Count)
                throw new DatasetException($"{path}: y[{i}] = {labels[i]} is outside 0..{classes.Count - 1} ({classes.Count} label_names).");
        }

        var testSize = options.TestSize ?? DefaultTestSize;
        if (testSize <= 0 || testSize >= count)
            throw new DatasetException($"{path}: a test size of {testSize} leaves an empty split of the {count} images.");

        var trainCount = count - testSize;
        var (trainPixels, testPixels) = ToChw(x, count, trainCount, options, ct);
        var intLabels = labels.Select(l => (int)l).ToArray();
        progress?.Report(new DatasetLoadProgress("decoding", count, count));
        return (
            new ImageSet(trainPixels, intLabels[..trainCount], classes),
            new ImageSet(testPixels, intLabels[trainCount..], classes));
    }

    private static NpyArray? ReadMember(ZipArchive archive, string member, string path, ReadBudget budget)
    {
        var entry = archive.GetEntry(member + ".npy");
        if (entry is null)
            return null;
        using var stream = entry.Open();
        // The shape in the .npy header is checked against both caps before its data is allocated or inflated.
        return NpyReader.Read(stream, $"{path}: {member}.npy", budget.MaxMemberBytes, bytes => budget.Charge($"{member}.npy", bytes));
    }

    /// <summary>
    /// Turns HWC images (C or Fortran order) into the CHW layout of <see cref="ImageSet"/>, the first
    /// <paramref name="trainCount"/> into the train array and the rest into the test array (no third copy).
    /// </summary>
    private static (byte[] Train, byte[] Test) ToChw(NpyArray x, int count, int trainCount, DatasetLoadOptions options, CancellationToken ct)
    {
        const int plane = ImageSet.Height * ImageSet.Width;
        var source = x.Data;
        var train = new byte[(long)trainCount * ImageSet.ImageBytes];
        var test = new byte[(long)(count - trainCount) * ImageSet.ImageBytes];
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = options.ResolvedParallelism };
        Parallel.For(0, count, parallel, n =>
        {
            var target = n < trainCount
                ? train.AsSpan(n * ImageSet.ImageBytes, ImageSet.ImageBytes)
                : test.AsSpan((n - trainCount) * ImageSet.ImageBytes, ImageSet.ImageBytes);
            for (var c = 0; c < ImageSet.Channels; c++)
            {
                for (var p = 0; p < plane; p++)
                {
                    // p = h*32 + w. C order: ((n*32 + h)*32 + w)*3 + c. Fortran order: n + N*(h + 32*(w + 32*c)).
                    var h = p / ImageSet.Width;
                    var w = p % ImageSet.Width;
                    var index = x.FortranOrder
                        ? n + ((long)count * (h + ImageSet.Height * (w + (long)ImageSet.Width * c)))
                        : ((long)n * plane + p) * ImageSet.Channels + c;
                    target[c * plane + p] = source[index];
                }
            }
        });
        return (train, test);
    }
}
