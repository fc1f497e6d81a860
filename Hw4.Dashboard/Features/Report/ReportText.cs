using System.Globalization;
using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Report;

/// <summary>How the report writes its numbers, the one place for each spelling (the HTML, PDF and Markdown share it).</summary>
public static class ReportText
{
    /// <summary>The words a part whose run does not exist shows.</summary>
    public const string NotRunYet = "not run yet";

    /// <summary>An accuracy as a percentage with two decimals (<c>63.15 %</c>), or an en dash.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:F2} %") : "–";

    /// <summary>A figure the seed reported (three decimals of a fraction) as a percentage with one decimal (<c>61.3 %</c>), or an en dash.</summary>
    public static string SeedPercent(double? fraction) =>
        fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:F1} %") : "–";

    /// <summary>A difference of fractions in percentage points with a sign (<c>+1.85 pp</c>), or an en dash.</summary>
    public static string Points(double? delta) =>
        delta is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d * 100:+0.00;-0.00;0.00} pp") : "–";

    /// <summary>Mean ± standard deviation of fractions in percent (<c>63.02 ± 0.41 %</c>); a single value has no ±.</summary>
    public static string MeanStd(MeanStd value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Std is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Mean * 100:F2} ± {s * 100:F2} %")
            : Percent(value.Mean);
    }

    /// <summary>A PSNR in dB with two decimals, or an en dash.</summary>
    public static string Psnr(double? db) =>
        db is { } d && double.IsFinite(d) ? string.Create(CultureInfo.InvariantCulture, $"{d:0.00} dB") : "–";

    /// <summary>Seconds with two decimals.</summary>
    public static string Seconds(double? seconds) =>
        seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.00} s") : "–";

    /// <summary>A setting as the CLI would take it (shortest round-trip form).</summary>
    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A p-value: four significant digits, or <c>&lt; 1e-12</c>.</summary>
    public static string PValue(double p) =>
        p < 1e-12 ? "< 1e-12" : p.ToString(p < 1e-3 ? "0.###E+0" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>How a McNemar p-value was computed, in words.</summary>
    public static string Method(McNemarMethod method) => method switch
    {
        McNemarMethod.ExactBinomial => $"exact binomial (fewer than {McNemarTest.ExactBelow} discordant images)",
        McNemarMethod.ChiSquareCorrected => "chi-square with continuity correction, 1 degree of freedom",
        _ => "no discordant images",
    };

    /// <summary>What a denoising run ended with: its PSNR and time, or where it diverged.</summary>
    public static string DenoiseOutcome(DenoiseReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Diverged)
            return run.Summary.Divergence is { } d ? $"diverged at step {d.Batch} (exit 3)" : "diverged (exit 3)";
        return $"PSNR {Psnr(run.Summary.DenoisePsnr)} in {Seconds(run.Summary.Denoised?.Seconds)}";
    }
}
