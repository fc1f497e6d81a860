using Hw4.Dashboard.Features.Denoising;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Tests.Features.Denoising;

public sealed class NormComparisonTests
{
    private static DenoiseOutcome Outcome(DenoiseNorm norm, double? psnr, bool diverged = false) => new(
        $"r-{norm}", DenoisePresets.Best(norm), diverged ? DenoiseStatus.Diverged : DenoiseStatus.Completed,
        20.2, psnr, 1e6, 0.2, diverged ? null : [1], diverged ? 13 : null);

    [Fact]
    public void Describe_L2LowerPsnr_SaysWorseWithBothFigures()
    {
        var sentence = NormComparison.Describe(new Dictionary<DenoiseNorm, DenoiseOutcome>
        {
            [DenoiseNorm.L1] = Outcome(DenoiseNorm.L1, 31.14),
            [DenoiseNorm.L2] = Outcome(DenoiseNorm.L2, 28.71),
        });

        Assert.Equal("L2 is worse than L1 on this image: 28.71 dB against 31.14 dB (-2.43 dB, from 20.20 dB noisy), in 0.20 s against 0.20 s.", sentence);
    }

    [Fact]
    public void Describe_L2HigherPsnr_SaysBetter()
    {
        var sentence = NormComparison.Describe(new Dictionary<DenoiseNorm, DenoiseOutcome>
        {
            [DenoiseNorm.L1] = Outcome(DenoiseNorm.L1, 25),
            [DenoiseNorm.L2] = Outcome(DenoiseNorm.L2, 26),
        });

        Assert.StartsWith("L2 is better than L1", sentence);
    }

    [Fact]
    public void Describe_L2Diverged_SaysWorseAndWhere()
    {
        var sentence = NormComparison.Describe(new Dictionary<DenoiseNorm, DenoiseOutcome>
        {
            [DenoiseNorm.L1] = Outcome(DenoiseNorm.L1, 31.14),
            [DenoiseNorm.L2] = Outcome(DenoiseNorm.L2, 5.1, diverged: true),
        });

        Assert.StartsWith("L2 is worse here: it diverged at step 13", sentence);
        Assert.Contains("31.14 dB", sentence);
    }

    [Fact]
    public void Describe_OnlyOneNorm_IsNull()
    {
        Assert.Null(NormComparison.Describe(new Dictionary<DenoiseNorm, DenoiseOutcome> { [DenoiseNorm.L1] = Outcome(DenoiseNorm.L1, 31) }));
    }

    [Fact]
    public void Describe_NoCleanReference_SaysPsnrCannotDecide()
    {
        var sentence = NormComparison.Describe(new Dictionary<DenoiseNorm, DenoiseOutcome>
        {
            [DenoiseNorm.L1] = Outcome(DenoiseNorm.L1, null),
            [DenoiseNorm.L2] = Outcome(DenoiseNorm.L2, null),
        });

        Assert.StartsWith("Without a clean reference", sentence);
    }
}
