using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
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
        var noisy = ImageFile.Load(TestData.NoisyParrots).Crop(352, 224, 64, 64);
        var clean = ImageFile.Load(TestData.CleanParrots).Crop(352, 224, 64, 64);
        var reports = Collect<DenoiseProgress>(out var progress);

        var result = TvDenoiser.Run(noisy, clean, DenoisePresets.Best with { ReportEvery = 100, PreviewMaxSide = 16 }, CPU, progress);

        Assert.True(result.PsnrOutput - result.PsnrInput >= 5, $"PSNR {result.PsnrInput:F2} -> {result.PsnrOutput:F2}");
        Assert.Equal((64, 64), (result.Output.Width, result.Output.Height));
        Assert.Equal(2, reports.Count);
        Assert.Equal((16, 16), (reports[^1].Preview.Width, reports[^1].Preview.Height));
        Assert.Equal(result.PsnrOutput!.Value, reports[^1].Psnr!.Value, 9);
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
            TvDenoiser.Run(noisy, null, DenoisePresets.Seed with { ReportEvery = 3 }, progress, cancellation.Token));
        Assert.Equal([3], steps);
    }

    [Fact]
    public void Run_ZeroSteps_OutputEqualsInput()
    {
        var noisy = new RgbImage(2, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        var result = TvDenoiser.Run(noisy, noisy, DenoisePresets.Seed with { Steps = 0 }, CPU);

        Assert.Equal(noisy.Pixels, result.Output.Pixels);
        Assert.Equal(double.PositiveInfinity, result.PsnrOutput);
    }

    [Fact]
    public void Run_BadLearningRate_Throws()
    {
        var noisy = new RgbImage(2, 2, new byte[12]);

        Assert.Throws<ArgumentException>(() => TvDenoiser.Run(noisy, null, DenoisePresets.Seed with { Lr = -1 }, CPU));
    }
}
