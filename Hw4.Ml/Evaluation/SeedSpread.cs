namespace Hw4.Ml.Evaluation;

/// <summary>
/// Test accuracy and per-class accuracy over runs that differ only in their seed: how much of a difference between two
/// models the seed alone can make.
/// </summary>
/// <param name="Accuracy">Overall test accuracy over the runs.</param>
/// <param name="PerClass">Per-class test accuracy over the runs, by class name, in label order.</param>
public sealed record SeedSpread(MeanStd Accuracy, IReadOnlyList<(string Class, MeanStd Accuracy)> PerClass)
{
    /// <summary>The spread of <paramref name="evaluations"/> (at least one, all over the same classes).</summary>
    /// <exception cref="ArgumentException">None given, or their class lists differ.</exception>
    public static SeedSpread Of(IReadOnlyList<EvaluationSummary> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count == 0)
            throw new ArgumentException("no evaluations.", nameof(evaluations));
        var classes = evaluations[0].Classes;
        if (evaluations.Any(e => !e.Classes.SequenceEqual(classes)))
            throw new ArgumentException("the evaluations have different class lists.", nameof(evaluations));
        return new SeedSpread(
            MeanStd.Of(evaluations.Select(e => e.Accuracy)),
            [.. classes.Select(c => (c, MeanStd.Of(evaluations.Select(e => e.PerClassAccuracy.TryGetValue(c, out var a) ? a : 0))))]);
    }
}
