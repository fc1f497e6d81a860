using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Testing;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Denoising;

public sealed class TvDenoiserTests
{
    private static List<T> Collect<T>(out IProgress<T> progress)
    {
        var list = new List<T>();
        progress = new SynchronousProgress<T>(list.Add);
        return list;
    }

    [Theory]
    [InlineData(DenoiseNorm.L1, DenoiseOptimizer.Gd, 0.05)]
    [InlineData(DenoiseNorm.L2, DenoiseOptimizer.Gd, 0.01)]
    [InlineData(DenoiseNorm.L1, DenoiseOptimizer.Adam, 0.5)]
    public void Run_SmallLr_LossFalls(DenoiseNorm norm, DenoiseOptimizer optimizer, double lr)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var noisy = rand(new long[] { 3, 8, 8 }, generator: generator) * 255;
        var reports = Collect<DenoiseProgress>(out var progress);

        var result = TvDenoiser.Run(noisy, null, new DenoiseOptions(norm, optimizer, lr, 1.0, Steps: 20, ReportEvery: 5), progress);

        Assert.True(result.FinalLoss < result.InitialLoss, $"{result.InitialLoss} -> {result.FinalLoss}");
        Assert.Equal([5, 10, 15, 20], reports.Select(r => r.Step));
        Assert.True(reports[^1].Loss < reports[0].Loss);
        Assert.All(reports, r => Assert.Null(r.Psnr));
        Assert.Null(result.PsnrOutput);
    }

    [Fact]
    public void Run_BestPresetOnParrotCrop_RaisesPsnrByFiveDb()
    {
        var noisy = ImageFile.Load(SharedData.Require(SharedData.NoisyParrots)).Crop(352, 224, 64, 64);
        var clean = ImageFile.Load(SharedData.Require(SharedData.CleanParrots)).Crop(352, 224, 64, 64);
        var reports = Collect<DenoiseProgress>(out var progress);

        var result = TvDenoiser.Run(noisy, clean, DenoisePresets.Best(DenoiseNorm.L1) with { ReportEvery = 20, PreviewMaxSide = 16 }, CPU, progress);

        Assert.True(result.PsnrOutput - result.PsnrInput >= 5, $"PSNR {result.PsnrInput:F2} -> {result.PsnrOutput:F2}");
        Assert.Equal((64, 64), (result.Output!.Width, result.Output!.Height));
        Assert.Equal(2, reports.Count);
        Assert.Equal((16, 16), (reports[^1].Preview.Width, reports[^1].Preview.Height));
        Assert.Equal(result.PsnrOutput!.Value, reports[^1].Psnr!.Value, 9);
    }

    [Fact]
    public void Run_L2BestOnParrotCrop_EndsFiniteAbovePsnrOfInput()
    {
        var noisy = ImageFile.Load(SharedData.Require(SharedData.NoisyParrots)).Crop(352, 224, 64, 64);
        var clean = ImageFile.Load(SharedData.Require(SharedData.CleanParrots)).Crop(352, 224, 64, 64);

        var result = TvDenoiser.Run(noisy, clean, DenoisePresets.Best(DenoiseNorm.L2), CPU);

        Assert.Equal(DenoiseStatus.Completed, result.Status);
        Assert.True(double.IsFinite(result.FinalLoss));
        Assert.True(result.PsnrOutput > result.PsnrInput + 3, $"PSNR {result.PsnrInput:F2} -> {result.PsnrOutput:F2}");
        Assert.NotNull(result.Output);
    }

    [Fact]
    public void Run_L2SeedOnParrotCrop_DivergesWithLastFiniteNumbersAndNoImage()
    {
        var noisy = ImageFile.Load(SharedData.Require(SharedData.NoisyParrots)).Crop(352, 224, 64, 64);
        var clean = ImageFile.Load(SharedData.Require(SharedData.CleanParrots)).Crop(352, 224, 64, 64);
        var reports = Collect<DenoiseProgress>(out var progress);

        var result = TvDenoiser.Run(noisy, clean, DenoisePresets.Seed(DenoiseNorm.L2) with { ReportEvery = 1 }, CPU, progress);

        Assert.Equal(DenoiseStatus.Diverged, result.Status);
        Assert.True(result.Diverged);
        Assert.Null(result.Output);
        Assert.InRange(result.DivergedAtStep!.Value, 2, 199);
        // It stops at the step where the loss stopped being finite: one report per finite step before it.
        Assert.Equal(result.DivergedAtStep.Value - 1, reports.Count);
        Assert.Equal(reports[^1].Loss, result.FinalLoss);
        Assert.True(double.IsFinite(result.PsnrOutput!.Value));
        Assert.Contains($"diverged at step {result.DivergedAtStep}/200", result.DivergenceMessage);
    }

    // 20,000 gradient steps for the L1 reference: the slowest test of this project.
    [Theory]
    [Trait("Category", "System")]
    [InlineData(DenoiseNorm.L2, 0.05, 2000, 0.2, 300, 1e-4)]
    [InlineData(DenoiseNorm.L1, 0.01, 20000, 0.5, 3000, 5e-3)]
    public void Run_PrimalDual_ReachesTheLossOfLongGradientDescent(
        DenoiseNorm norm, double gdLr, int gdSteps, double tau, int pdSteps, double relativeTolerance)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var noisy = rand(new long[] { 3, 12, 16 }, generator: generator) * 255;

        var gd = TvDenoiser.Run(noisy, null, new DenoiseOptions(norm, DenoiseOptimizer.Gd, gdLr, 1.0, gdSteps, ReportEvery: gdSteps));
        var pd = TvDenoiser.Run(noisy, null, new DenoiseOptions(norm, DenoiseOptimizer.PrimalDual, tau, 1.0, pdSteps, ReportEvery: pdSteps));

        Assert.Equal(DenoiseStatus.Completed, pd.Status);
        Assert.True(pd.FinalLoss < pd.InitialLoss / 2, $"{pd.InitialLoss} -> {pd.FinalLoss}");
        Assert.True(Math.Abs(pd.FinalLoss - gd.FinalLoss) <= relativeTolerance * gd.FinalLoss,
            $"primal-dual {pd.FinalLoss} vs gd {gd.FinalLoss}");
    }

    [Fact]
    public void Run_PrimalDualWithProgress_ReportsFiniteFallingLoss()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var noisy = rand(new long[] { 3, 8, 8 }, generator: generator) * 255;
        var reports = Collect<DenoiseProgress>(out var progress);

        var result = TvDenoiser.Run(noisy, null, new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.PrimalDual, 0.5, 1.0, 20, ReportEvery: 5), progress);

        Assert.Equal([5, 10, 15, 20], reports.Select(r => r.Step));
        Assert.True(reports[^1].Loss < reports[0].Loss);
        Assert.True(Math.Abs(result.FinalLoss - reports[^1].Loss) <= 1e-6 * result.FinalLoss, $"{result.FinalLoss} vs {reports[^1].Loss}");
    }

    [Fact]
    public void Run_CancelledDuringProgress_StopsBetweenSteps()
    {
        using var scope = NewDisposeScope();
        using var cancellation = new CancellationTokenSource();
        var noisy = full(new long[] { 3, 4, 4 }, 100f);
        var steps = new List<int>();
        var progress = new SynchronousProgress<DenoiseProgress>(p =>
        {
            steps.Add(p.Step);
            cancellation.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() =>
            TvDenoiser.Run(noisy, null, DenoisePresets.Seed(DenoiseNorm.L1) with { ReportEvery = 3 }, progress, cancellation.Token));
        Assert.Equal([3], steps);
    }

    [Fact]
    public void Run_ZeroSteps_OutputEqualsInput()
    {
        var noisy = new RgbImage(2, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        var result = TvDenoiser.Run(noisy, noisy, DenoisePresets.Seed(DenoiseNorm.L1) with { Steps = 0 }, CPU);

        Assert.Equal(noisy.Pixels, result.Output!.Pixels);
        Assert.Equal(double.PositiveInfinity, result.PsnrOutput);
    }

    [Fact]
    public void Run_BadLearningRate_Throws()
    {
        var noisy = new RgbImage(2, 2, new byte[12]);

        Assert.Throws<ArgumentException>(() => TvDenoiser.Run(noisy, null, DenoisePresets.Seed(DenoiseNorm.L1) with { Lr = -1 }, CPU));
    }
}
