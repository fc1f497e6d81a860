using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli.Verbs;
using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>Denoising runs of some parts: settings, PSNR before and after (or where it diverged) and time.</summary>
public sealed partial class DenoiseTable
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    /// <summary>The parts, one row each.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ReportPart> Parts { get; set; } = [];

    /// <summary>The table's caption.</summary>
    [Parameter, EditorRequired]
    public string Caption { get; set; } = "";

    /// <summary>The table's element id.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    private static string Norm(DenoiseReportRun run) => DenoiseLabels.Of(run.Options.Norm).ToUpperInvariant();

    private static string Optimizer(DenoiseReportRun run) => DenoiseLabels.Of(run.Options.Optimizer);

    private static string Number(double value) => ReportText.Number(value);

    private static string Result(DenoiseReportRun run) =>
        run.Diverged ? ReportText.DenoiseOutcome(run) : ReportText.Psnr(run.Summary.DenoisePsnr);
}
