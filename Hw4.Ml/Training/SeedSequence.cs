namespace Hw4.Ml.Training;

/// <summary>
/// Derives independent, reproducible seeds from the run seed (SplitMix64 mixing). Each epoch's shuffle and augmentation
/// get their own seed from (run seed, epoch, purpose), so resuming at epoch e needs no generator state beyond the seed
/// and reproduces exactly what an uninterrupted run would have drawn.
/// </summary>
public static class SeedSequence
{
    /// <summary>Seed for the shuffle order of <paramref name="epoch"/>.</summary>
    public static long Shuffle(long seed, int epoch) => Derive(seed, epoch, 1);

    /// <summary>Seed for the augmentation draws of <paramref name="epoch"/>.</summary>
    public static long Augmentation(long seed, int epoch) => Derive(seed, epoch, 2);

    /// <summary>Mixes the three numbers into a non-negative 63-bit seed.</summary>
    public static long Derive(long seed, int epoch, int purpose)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)epoch * 0xBF58476D1CE4E5B9UL ^ (ulong)purpose * 0x94D049BB133111EBUL);
        x = Mix(Mix(x));
        return (long)(x >> 1);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
