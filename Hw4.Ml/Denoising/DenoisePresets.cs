namespace Hw4.Ml.Denoising;

/// <summary>Named settings: <c>seed</c> is the homework's, <c>best</c> the best measured on the parrots (docs/denoise-sweep.md).</summary>
public static class DenoisePresets
{
    /// <summary>The homework's settings: l1, gd, lr 0.9, α 1.5, 200 steps.</summary>
    public static DenoiseOptions Seed { get; } = new(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.9, Alpha: 1.5, Steps: 200);

    /// <summary>The best of the 200-step sweep on the shared parrots: l1, gd, lr 0.1, α 1.5 (31.09 dB; docs/denoise-sweep.md).</summary>
    public static DenoiseOptions Best { get; } = new(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.1, Alpha: 1.5, Steps: 200);

    /// <summary>Preset names, for help text and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = ["seed", "best"];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    public static DenoiseOptions Get(string name) => name.Trim().ToLowerInvariant() switch
    {
        "seed" => Seed,
        "best" => Best,
        _ => throw new ArgumentException($"Unknown preset '{name}'; use {string.Join(" or ", Names)}."),
    };
}
