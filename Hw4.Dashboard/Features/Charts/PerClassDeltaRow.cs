namespace Hw4.Dashboard.Features.Charts;

/// <summary>One class in the per-class comparison: the first run's accuracy and each other run's difference from it.</summary>
/// <param name="Class">Class name.</param>
/// <param name="Baseline">The first run's accuracy for the class, or null when it has no evaluation.</param>
/// <param name="Deltas">For each later run (in selection order): its accuracy minus the baseline; null when unknown.</param>
public sealed record PerClassDeltaRow(string Class, double? Baseline, IReadOnlyList<double?> Deltas);
