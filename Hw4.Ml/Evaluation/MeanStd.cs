namespace Hw4.Ml.Evaluation;

/// <summary>The mean and sample standard deviation (n − 1 in the denominator) of a few numbers, such as one figure over seeds.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The sample standard deviation; null for a single value, where it is undefined.</param>
/// <param name="Count">How many values.</param>
public sealed record MeanStd(double Mean, double? Std, int Count)
{
    /// <summary>The mean and standard deviation of <paramref name="values"/> (at least one).</summary>
    public static MeanStd Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0)
            throw new ArgumentException("no values.", nameof(values));
        var mean = list.Average();
        double? std = list.Count < 2 ? null : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return new MeanStd(mean, std, list.Count);
    }
}
