using Hw4.Dashboard.Features.Models;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Evaluation;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// A seed group: each run's test accuracy, then mean ± standard deviation over the seeds of the overall and per-class
/// accuracy, beside the seed homework's figures where it has them. Plain markup, shared by Compare and the homework report.
/// </summary>
public sealed partial class SeedGroupTable
{
    /// <summary>The group.</summary>
    [Parameter, EditorRequired]
    public SeedGroupReport Group { get; set; } = default!;

    /// <summary>Show the seed homework's per-class figures (it reported them for its CNN only).</summary>
    [Parameter]
    public bool ShowSeed { get; set; }

    /// <summary>The element's test id.</summary>
    [Parameter]
    public string TestId { get; set; } = "seed-group";

    private string Model => ModelDisplayName.Of(Group.Model);

    private string Caption => $"{Model}: runs of one recipe that differ only in their seed";

    private string PerClassCaption => $"{Model}: test accuracy per class over {Group.Members.Count} {(Group.Members.Count == 1 ? "seed" : "seeds")}";

    private double? SeedAccuracy => SeedFigures.Accuracy(Group.Model);

    private static string Percent(double value) => ReportText.Percent(value);

    private static string MeanStd(MeanStd value) => ReportText.MeanStd(value);

    private static string EpochText(SeedGroupMember member) => member.BestEpoch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–";

    private string SeedText(double seed) => $"{ReportText.SeedPercent(seed)} ({ReportText.Points(Group.Spread.Accuracy.Mean - seed)})";

    private static string SeedClass(string name) => ReportText.SeedPercent(SeedFigures.ClassAccuracy(name));

    private static string SeedClassDelta(string name, MeanStd spread) =>
        SeedFigures.ClassAccuracy(name) is { } seed ? ReportText.Points(spread.Mean - seed) : "–";
}
