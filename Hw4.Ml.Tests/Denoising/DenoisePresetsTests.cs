using Hw4.Ml.Denoising;

namespace Hw4.Ml.Tests.Denoising;

public sealed class DenoisePresetsTests
{
    [Theory]
    [InlineData(DenoiseNorm.L1)]
    [InlineData(DenoiseNorm.L2)]
    public void Seed_EitherNorm_KeepsTheHomeworkNumbers(DenoiseNorm norm)
    {
        var seed = DenoisePresets.Get("seed", norm);

        Assert.Equal((norm, DenoiseOptimizer.Gd, 0.9, 1.5, 200), (seed.Norm, seed.Optimizer, seed.Lr, seed.Alpha, seed.Steps));
    }

    [Fact]
    public void Best_PerNorm_HasItsOwnSettings()
    {
        var l1 = DenoisePresets.Get(" BEST ", DenoiseNorm.L1);
        var l2 = DenoisePresets.Get("best", DenoiseNorm.L2);

        Assert.Equal(DenoiseNorm.L1, l1.Norm);
        Assert.Equal(DenoiseNorm.L2, l2.Norm);
        Assert.NotEqual((l1.Lr, l1.Alpha, l1.Steps), (l2.Lr, l2.Alpha, l2.Steps));
        l1.Validate();
        l2.Validate();
    }

    [Theory]
    [InlineData(DenoiseNorm.L1, 0.1)]
    [InlineData(DenoiseNorm.L2, 0.01)]
    public void GradientDescent_PerNorm_IsTheHomeworksMethodAtAStableStep(DenoiseNorm norm, double lr)
    {
        var gd = DenoisePresets.Get("gd", norm);

        Assert.Equal((norm, DenoiseOptimizer.Gd, lr, 1.5, 200), (gd.Norm, gd.Optimizer, gd.Lr, gd.Alpha, gd.Steps));
        // Plain gradient descent on the L2 loss is stable only below 1/(1 + 8α).
        if (norm == DenoiseNorm.L2)
            Assert.True(gd.Lr < 1 / (1 + 8 * gd.Alpha));
    }

    [Fact]
    public void Get_UnknownName_ThrowsNamingTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => DenoisePresets.Get("fastest"));

        Assert.Contains("seed, gd, best", e.Message);
    }
}
