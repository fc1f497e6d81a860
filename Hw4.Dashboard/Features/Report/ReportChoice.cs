using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>The run a part of the report uses, and what else could fill it.</summary>
/// <param name="Part">The part.</param>
/// <param name="Run">The run used, or null when the part has none (not run yet).</param>
/// <param name="Differences">How <paramref name="Run"/> departs from the homework's settings for the part; empty when it is the homework's.</param>
/// <param name="Candidates">The finished runs that can fill the part, newest first (what a picker offers).</param>
/// <param name="HasHomeworkRun">Whether any candidate is of the homework's settings (otherwise "Queue the missing runs" queues one).</param>
public sealed record ReportChoice(
    ReportPart Part,
    RunSummary? Run,
    IReadOnlyList<RecipeDifference> Differences,
    IReadOnlyList<RunSummary> Candidates,
    bool HasHomeworkRun)
{
    /// <summary>The chosen run's id, or null.</summary>
    public string? RunId => Run?.Id;

    /// <summary>True when the chosen run is not what the homework asks (the report and the page mark it).</summary>
    public bool IsOffRecipe => Differences.Count > 0;
}
