using System.ComponentModel.DataAnnotations;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Components.Pages.Denoise;

/// <summary>The denoise settings form; a preset fills the fields, which can then be edited.</summary>
public sealed class DenoiseForm
{
    /// <summary>Preset name (<c>seed</c>, <c>best</c>) or <c>custom</c>.</summary>
    public string Preset { get; set; } = "seed";

    /// <summary>Norm.</summary>
    public DenoiseNorm Norm { get; set; } = DenoisePresets.Seed.Norm;

    /// <summary>Optimizer.</summary>
    public DenoiseOptimizer Optimizer { get; set; } = DenoisePresets.Seed.Optimizer;

    /// <summary>Learning rate.</summary>
    [Range(1e-9, 1e6, ErrorMessage = "Learning rate must be positive.")]
    public double Lr { get; set; } = DenoisePresets.Seed.Lr;

    /// <summary>Smoothness weight α.</summary>
    [Range(0.0, 1e6, ErrorMessage = "α must be zero or positive.")]
    public double Alpha { get; set; } = DenoisePresets.Seed.Alpha;

    /// <summary>Steps.</summary>
    [Range(1, 100_000, ErrorMessage = "Steps must be between 1 and 100000.")]
    public int Steps { get; set; } = DenoisePresets.Seed.Steps;

    /// <summary>Preview and report every k steps.</summary>
    [Range(1, 10_000, ErrorMessage = "Preview interval must be at least 1 step.")]
    public int PreviewEvery { get; set; } = 10;

    /// <summary>Copies a preset into the fields (custom leaves them).</summary>
    public void ApplyPreset(string name)
    {
        Preset = name;
        if (!DenoisePresets.Names.Contains(name))
            return;
        var p = DenoisePresets.Get(name);
        (Norm, Optimizer, Lr, Alpha, Steps) = (p.Norm, p.Optimizer, p.Lr, p.Alpha, p.Steps);
    }

    /// <summary>The options for one run with <paramref name="norm"/> (or the form's norm).</summary>
    public DenoiseOptions ToOptions(DenoiseNorm? norm = null) =>
        new(norm ?? Norm, Optimizer, Lr, Alpha, Steps, ReportEvery: PreviewEvery);
}
