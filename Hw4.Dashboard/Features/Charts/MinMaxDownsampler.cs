namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Shrinks a long series for drawing by keeping, per bucket of consecutive points, the minimum and the maximum (in
/// their original order) plus the first and last points. Unlike averaging or striding, a single spike survives.
/// A smooth series (an EMA) has no spikes to keep: <see cref="SelectEvenly"/> gives it one point per bucket instead.
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

    /// <summary>
    /// At most <paramref name="maxPoints"/> indices of <paramref name="count"/>, evenly spaced, the first and the last
    /// included (all of them when the series is short enough): for a smooth curve, which min/max pairs would only
    /// double without changing its drawn shape.
    /// </summary>
    public static int[] SelectEvenly(int count, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (count <= maxPoints)
            return Enumerable.Range(0, count).ToArray();
        // Point k of maxPoints sits at k/(maxPoints - 1) of the way: 0 first, count - 1 last, strictly increasing
        // because count > maxPoints.
        return Enumerable.Range(0, maxPoints).Select(k => (int)((long)k * (count - 1) / (maxPoints - 1))).ToArray();
    }

    /// <summary>Downsamples paired x/y series with <see cref="SelectIndices"/>, or <see cref="SelectEvenly"/> when <paramref name="smooth"/>.</summary>
    public static (double[] X, double[] Y) Downsample(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = DefaultMaxPoints, bool smooth = false)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"x has {x.Count} points but y has {y.Count}.", nameof(y));
        var keep = smooth ? SelectEvenly(y.Count, maxPoints) : SelectIndices(y, maxPoints);
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }

    private static bool Better(double candidate, double current, Func<double, double, bool> beats) =>
        double.IsFinite(candidate) && (!double.IsFinite(current) || beats(candidate, current));
}
