namespace Hw4.Ml.Data;

/// <summary>
/// Splits a training set into train and validation parts the way the reference does: draw a seeded random
/// permutation of all indices (NumPy's default_rng, bit for bit); the first <c>valSize</c> go to validation, the rest
/// (in permutation order) to training.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>The reference's validation size for CIFAR-10.</summary>
    public const int DefaultValidationSize = 5_000;

    /// <summary>
    /// A permutation of 0..count-1 that depends only on <paramref name="seed"/>: exactly NumPy's
    /// <c>np.random.default_rng(seed).permutation(count)</c>, so seed 0 gives the reference's validation set.
    /// </summary>
    public static int[] Permutation(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // NumPy's SeedSequence refuses negative seeds too.
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        return new NumpyPcg64((uint)seed).Permutation(count);
    }

    /// <summary>Splits <paramref name="set"/> into disjoint train and validation sets that together cover every image.</summary>
    /// <exception cref="DatasetException">Either part would be empty.</exception>
    public static TrainValidationSplit Split(ImageSet set, int valSize = DefaultValidationSize, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (valSize <= 0 || valSize >= set.Count)
            throw new DatasetException($"A validation size of {valSize} leaves an empty split of the {set.Count} training images.");
        var permutation = Permutation(set.Count, seed);
        var validation = permutation[..valSize];
        var train = permutation[valSize..];
        return new TrainValidationSplit(set.Subset(train), set.Subset(validation), train, validation);
    }
}
