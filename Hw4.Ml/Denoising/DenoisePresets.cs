using System.Globalization;

namespace Hw4.Ml.Denoising;

/// <summary>
/// Named settings, one per norm: the squared L2 loss has gradients hundreds of times larger than L1's on the 0–255
/// scale, so one learning rate cannot serve both. <c>seed</c> is the homework's numbers for either norm (with l2 it
/// diverges, and says so); <c>gd</c> is the homework's method, gradient descent by autograd, at the norm's best stable
/// (α, lr) of the gd sweep; <c>best</c> is the best point of each norm with the faster primal-dual solver of the same
/// loss. All measured on the shared parrots (docs/denoise-sweep.md).
/// </summary>
public static class DenoisePresets
{
    /// <summary>Preset names, for help text and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = ["seed", "gd", "best"];

    /// <summary>The homework's settings, for <paramref name="norm"/>: gd, lr 0.9, α 1.5, 200 steps (l2 diverges).</summary>
    public static DenoiseOptions Seed(DenoiseNorm norm) => new(norm, DenoiseOptimizer.Gd, Lr: 0.9, Alpha: 1.5, Steps: 200);

    /// <summary>
    /// The best stable gradient-descent point of <paramref name="norm"/> in the gd sweep on the shared parrots (200
    /// steps, the homework's count; docs/denoise-sweep.md): l1 lr 0.1, α 1.5; l2 lr 0.01, α 1.5 (l2 is stable only
    /// below lr 1/(1 + 8α) ≈ 0.077 at α 1.5).
    /// </summary>
    public static DenoiseOptions GradientDescent(DenoiseNorm norm) => norm switch
    {
        DenoiseNorm.L1 => new(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.1, Alpha: 1.5, Steps: 200),
        DenoiseNorm.L2 => new(DenoiseNorm.L2, DenoiseOptimizer.Gd, Lr: 0.01, Alpha: 1.5, Steps: 200),
        _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, "Unknown norm."),
    };

    /// <summary>
    /// The best measured point of <paramref name="norm"/> on the shared parrots (docs/denoise-sweep.md):
    /// l1: primal-dual, τ 0.5, α 1.5, 35 steps (the PSNR peaks there; the loss's own minimiser is smoother and worse);
    /// l2: primal-dual, τ 0.2, α 1.5, 20 steps (converged: the quadratic's minimiser, the best α of the sweep).
    /// </summary>
    public static DenoiseOptions Best(DenoiseNorm norm) => norm switch
    {
        DenoiseNorm.L1 => new(DenoiseNorm.L1, DenoiseOptimizer.PrimalDual, Lr: 0.5, Alpha: 1.5, Steps: 35),
        DenoiseNorm.L2 => new(DenoiseNorm.L2, DenoiseOptimizer.PrimalDual, Lr: 0.2, Alpha: 1.5, Steps: 20),
        _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, "Unknown norm."),
    };

    /// <summary>The preset called <paramref name="name"/> (case-insensitive) for <paramref name="norm"/>.</summary>
    public static DenoiseOptions Get(string name, DenoiseNorm norm = DenoiseNorm.L1)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "seed" => Seed(norm),
            "gd" => GradientDescent(norm),
            "best" => Best(norm),
            _ => throw new ArgumentException($"Unknown preset '{name}'; use {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>What the preset called <paramref name="name"/> is for each norm, in words (for help text).</summary>
    public static string Describe(string name)
    {
        var parts = new[] { DenoiseNorm.L1, DenoiseNorm.L2 }.Select(norm =>
        {
            var o = Get(name, norm);
            return string.Create(CultureInfo.InvariantCulture,
                $"{norm.ToString().ToLowerInvariant()}: {(o.Optimizer == DenoiseOptimizer.PrimalDual ? "primal-dual" : o.Optimizer.ToString().ToLowerInvariant())}, lr {o.Lr}, alpha {o.Alpha}, {o.Steps} steps");
        });
        return $"{string.Join("; ", parts)}{(name == "seed" ? " (the homework's numbers; l2 diverges there)" : "")}";
    }
}
