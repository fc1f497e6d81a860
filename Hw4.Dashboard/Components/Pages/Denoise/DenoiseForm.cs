using System.ComponentModel.DataAnnotations;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Components.Pages.Denoise;

/// <summary>
/// The denoise settings form; a preset fills the fields for the chosen norm (presets are per norm), which can then be
/// edited. Changing the norm while a preset is chosen loads that norm's preset.
/// </summary>
public sealed class DenoiseForm
{
    /// <summary>Preset name (<c>seed</c>, <c>best</c>) or <c>custom</c>.</summary>
    public string Preset { get; set; } = "seed";

    /// <summary>Norm.</summary>
    public DenoiseNorm Norm { get; set; } = DenoisePresets.Seed(DenoiseNorm.L1).Norm;

    /// <summary>Optimizer.</summary>
    public DenoiseOptimizer Optimizer { get; set; } = DenoisePresets.Seed(DenoiseNorm.L1).Optimizer;

    /// <summary>Learning rate.</summary>
    [Range(1e-9, 1e6, ErrorMessage = "Learning rate must be positive.")]
    public double Lr { get; set; } = DenoisePresets.Seed(DenoiseNorm.L1).Lr;

    /// <summary>Smoothness weight α.</summary>
    [Range(0.0, 1e6, ErrorMessage = "α must be zero or positive.")]
    public double Alpha { get; set; } = DenoisePresets.Seed(DenoiseNorm.L1).Alpha;

    /// <summary>Steps.</summary>
    [Range(1, 100_000, ErrorMessage = "Steps must be between 1 and 100000.")]
    public int Steps { get; set; } = DenoisePresets.Seed(DenoiseNorm.L1).Steps;

    /// <summary>
    /// A curve point (and a preview) every k steps; null for <see cref="AutoReportEvery"/>, about
    /// <see cref="CurvePoints"/> points per run whatever its length (every 10 steps gave a 20-step run 2 points).
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "The report interval must be at least 1 step.")]
    public int? PreviewEvery { get; set; }

    /// <summary>The curve points a run gets with the automatic interval.</summary>
    public const int CurvePoints = 100;

    /// <summary>The automatic report interval for <paramref name="steps"/> steps: every step up to 100, then about 100 points.</summary>
    public static int AutoReportEvery(int steps) => Math.Max(1, (int)Math.Ceiling(steps / (double)CurvePoints));

    /// <summary>The interval a run of <paramref name="steps"/> steps uses: the one typed, else the automatic one.</summary>
    public int ReportEveryFor(int steps) => PreviewEvery ?? AutoReportEvery(steps);

    /// <summary>Copies a preset into the fields (custom leaves them).</summary>
    public void ApplyPreset(string name)
    {
        Preset = name;
        if (!DenoisePresets.Names.Contains(name))
            return;
        var p = DenoisePresets.Get(name, Norm);
        (Norm, Optimizer, Lr, Alpha, Steps) = (p.Norm, p.Optimizer, p.Lr, p.Alpha, p.Steps);
    }

    /// <summary>Sets the norm; with a preset chosen, its settings for that norm come along.</summary>
    public void SetNorm(DenoiseNorm norm)
    {
        Norm = norm;
        ApplyPreset(Preset);
    }

    /// <summary>Loads a sweep's point (its norm, α and lr, the sweep's optimizer and steps); the preset becomes custom.</summary>
    public void Load(DenoiseSweepPoint point, DenoiseSweepOptions sweep)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(sweep);
        (Preset, Norm, Optimizer, Lr, Alpha, Steps) = ("custom", point.Norm, sweep.Optimizer, point.Lr, point.Alpha, sweep.Steps);
    }

    /// <summary>The options for one run with <paramref name="norm"/> (or the form's norm).</summary>
    public DenoiseOptions ToOptions(DenoiseNorm? norm = null) =>
        new(norm ?? Norm, Optimizer, Lr, Alpha, Steps, ReportEvery: ReportEveryFor(Steps));
}
