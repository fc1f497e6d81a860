using System.Globalization;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>The homework's question, "is L2 better or worse than L1?", answered in one sentence from two outcomes.</summary>
public static class NormComparison
{
    /// <summary>
    /// One sentence from the PSNR of the L1 and L2 outcomes; null until both exist. A diverged run loses; without a
    /// clean reference the sentence says that PSNR cannot decide.
    /// </summary>
    public static string? Describe(IReadOnlyDictionary<DenoiseNorm, DenoiseOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!outcomes.TryGetValue(DenoiseNorm.L1, out var l1) || !outcomes.TryGetValue(DenoiseNorm.L2, out var l2))
            return null;
        var c = CultureInfo.InvariantCulture;
        if (l1.Diverged && l2.Diverged)
            return string.Create(c, $"Both diverged (L1 at step {l1.DivergedAtStep}, L2 at step {l2.DivergedAtStep}): lower the learning rates to compare them.");
        if (l2.Diverged)
            return string.Create(c, $"L2 is worse here: it diverged at step {l2.DivergedAtStep} with lr {l2.Options.Lr}, while L1 finished{Psnr(l1, " at ")}.");
        if (l1.Diverged)
            return string.Create(c, $"L2 is better here: L1 diverged at step {l1.DivergedAtStep} with lr {l1.Options.Lr}, while L2 finished{Psnr(l2, " at ")}.");
        if (l1.PsnrOutput is not { } a || l2.PsnrOutput is not { } b)
            return "Without a clean reference PSNR cannot say which is better; compare the two images by eye.";
        var verdict = Math.Abs(a - b) < 0.05 ? "about as good as" : b > a ? "better than" : "worse than";
        return string.Create(c,
            $"L2 is {verdict} L1 on this image: {b:F2} dB against {a:F2} dB ({b - a:+0.00;-0.00} dB, from {l2.PsnrInput:F2} dB noisy), in {l2.Seconds:0.00} s against {l1.Seconds:0.00} s.");
    }

    private static string Psnr(DenoiseOutcome o, string prefix) =>
        o.PsnrOutput is { } db ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{db:F2} dB") : "";
}
