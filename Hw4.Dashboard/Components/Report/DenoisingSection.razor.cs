using System.Globalization;
using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// 1.2 as the homework asks: gradient descent with autograd for L1 and L2 at their best stable points, the answer to
/// "better or worse, and why", what the seed's setting does, then primal-dual as the same loss solved faster.
/// </summary>
public sealed partial class DenoisingSection
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    private static IReadOnlyList<ReportPart> GradientDescentParts { get; } = [ReportPart.GdL1, ReportPart.GdL2];

    private static IReadOnlyList<ReportPart> SeedParts { get; } = [ReportPart.SeedL1, ReportPart.SeedL2];

    private static IReadOnlyList<ReportPart> PrimalDualParts { get; } = [ReportPart.PrimalDualL1, ReportPart.PrimalDualL2];

    private byte[]? NoisyPng => ReportParts.Denoising.Select(Report.Denoise).FirstOrDefault(r => r?.InputPng is not null)?.InputPng;

    private IEnumerable<(string Label, byte[] Png)> Outputs => GradientDescentParts
        .Select(Report.Denoise)
        .Where(r => r?.OutputPng is not null)
        .Select(r => ($"{ReportParts.Label(r!.Part)} ({r.Summary.Id}): {ReportText.DenoiseOutcome(r)}", r.OutputPng!));

    private string Answer => ReportReading.L2AgainstL1(Report).Answer
        ?? $"The answer needs both gradient-descent runs, L1 and L2 ({ReportText.NotRunYet}).";

    private string? SeedL2Text => Report.Denoise(ReportPart.SeedL2) is { } run
        ? (run.Diverged ? $"With the seed's setting L2 {ReportText.DenoiseOutcome(run)}. " : $"With the seed's setting L2 did not diverge here ({ReportText.DenoiseOutcome(run)}). ")
          + ReportReading.L2StepBound(run.Options.Lr, run.Options.Alpha)
        : null;

    private string? SpeedText
    {
        get
        {
            var lines = new List<string>();
            foreach (var (gd, pd) in new[] { (ReportPart.GdL1, ReportPart.PrimalDualL1), (ReportPart.GdL2, ReportPart.PrimalDualL2) })
            {
                if (Report.Denoise(gd) is { Diverged: false, Summary.Denoised: { } g } && Report.Denoise(pd) is { Diverged: false, Summary.Denoised: { } p } && p.Seconds > 0)
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{ReportParts.Label(pd)}: {ReportText.Psnr(p.PsnrOutput)} in {ReportText.Seconds(p.Seconds)} against gradient descent's {ReportText.Psnr(g.PsnrOutput)} in {ReportText.Seconds(g.Seconds)} ({g.Seconds / p.Seconds:0.#}× faster)"));
            }

            return lines.Count == 0 ? null : string.Join("; ", lines) + ".";
        }
    }

    private IReadOnlyList<DenoiseReportRun> CurveRuns => [.. new[] { ReportPart.GdL1, ReportPart.GdL2, ReportPart.SeedL1, ReportPart.SeedL2 }.Select(Report.Denoise).OfType<DenoiseReportRun>()];

    // A diverged run's loss runs to 1e38 and would flatten the others on a log axis: its PSNR curve shows it instead.
    private ReportFigure LossFigure => ReportFigures.Denoise([.. CurveRuns.Where(r => !r.Diverged)], psnr: false);

    private bool HasDivergedCurve => CurveRuns.Any(r => r.Diverged);

    private ReportFigure PsnrFigure => ReportFigures.Denoise(CurveRuns, psnr: true);

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
