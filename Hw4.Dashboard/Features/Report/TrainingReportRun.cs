using Hw4.Dashboard.Features.Export;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Recipes;

namespace Hw4.Dashboard.Features.Report;

/// <summary>A training part of the report: the chosen run, how it departs from the recipe, its seed group and its confused images.</summary>
/// <param name="Run">The chosen run, read through <see cref="RunExportReader"/>.</param>
/// <param name="Differences">How its recipe departs from the homework's (empty when it is the homework's).</param>
/// <param name="Group">Its seed group (itself at least, once evaluated), or null when it has no evaluation.</param>
/// <param name="Examples">The worst class's confused test images (PNG).</param>
public sealed record TrainingReportRun(
    RunExport Run,
    IReadOnlyList<RecipeDifference> Differences,
    SeedGroupReport? Group,
    IReadOnlyList<(ConfusionExample Example, byte[] Png)> Examples);
