namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Shrinks a long series for drawing by keeping, per bucket of consecutive points, the minimum and the maximum (in
/// their original order) plus the first and last points. Unlike averaging or striding, a single spike survives.
/// </summary>
public static class MinMaxDownsampler
{
    /// <summary>Default cap on the points drawn per trace.</summary>
    public const int DefaultMaxPoints = 2000;

    /// <summary>
    /// The indices to keep from a series of <paramref name="count"/> y values so that at most
    /// <paramref name="maxPoints"/> remain (all of them when the series is short enough). Non-finite values are never
    /// chosen as a bucket's min or max unless the bucket has nothing else.
    /// </summary>
    public static int[] SelectIndices(IReadOnlyList<double> y, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        var n = y.Count;
        if (n <= maxPoints)
            return Enumerable.Range(0, n).ToArray();

        var buckets = (maxPoints - 2) / 2;
        var keep = new List<int>(maxPoints) { 0 };
        var interior = n - 2;
        for (var b = 0; b < buckets; b++)
        {
            // Bucket b covers interior points [start, end); integer division spreads the remainder evenly.
            var start = 1 + (int)((long)interior * b / buckets);
            var end = 1 + (int)((long)interior * (b + 1) / buckets);
            if (start >= end)
                continue;
            var (min, max) = (start, start);
            for (var i = start; i < end; i++)
            {
                if (Better(y[i], y[min], (a, c) => a < c))
                    min = i;
                if (Better(y[i], y[max], (a, c) => a > c))
                    max = i;
            }

            keep.Add(Math.Min(min, max));
            if (min != max)
                keep.Add(Math.Max(min, max));
        }

        keep.Add(n - 1);
        return keep.ToArray();
    }

    /// <summary>Downsamples paired x/y series with <see cref="SelectIndices"/>.</summary>
    public static (double[] X, double[] Y) Downsample(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = DefaultMaxPoints)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"x has {x.Count} points but y has {y.Count}.", nameof(y));
        var keep = SelectIndices(y, maxPoints);
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }

    private static bool Better(double candidate, double current, Func<double, double, bool> beats) =>
        double.IsFinite(candidate) && (!double.IsFinite(current) || beats(candidate, current));
}
