using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Testing;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Denoising;

public sealed class TvSweepTests
{
    private static (RgbImage Noisy, RgbImage Clean) Crop() =>
        (ImageFile.Load(SharedData.Require(SharedData.NoisyParrots)).Crop(352, 224, 32, 32), ImageFile.Load(SharedData.Require(SharedData.CleanParrots)).Crop(352, 224, 32, 32));

    [Fact]
    public void Run_TwoNormGrid_OnePointPerCellAndBestIsHighestFinitePsnr()
    {
        var (noisy, clean) = Crop();
        var options = new DenoiseSweepOptions([DenoiseNorm.L1, DenoiseNorm.L2], Alphas: [0.8, 1.5], Lrs: [0.02, 0.1, 0.9], Steps: 40);

        var result = TvSweep.Run(noisy, clean, options, CPU);

        Assert.Equal(2 * 2 * 3, result.Points.Count);
        Assert.Equal(
            from n in new[] { DenoiseNorm.L1, DenoiseNorm.L2 } from a in new[] { 0.8, 1.5 } from l in new[] { 0.02, 0.1, 0.9 } select (n, a, l),
            result.Points.Select(p => (p.Norm, p.Alpha, p.Lr)));
        // L2 at the homework's lr 0.9 diverges; L1 never does.
        Assert.All(result.Points.Where(p => p.Norm == DenoiseNorm.L2 && p.Lr == 0.9), p => Assert.True(p.Diverged));
        Assert.All(result.Points.Where(p => p.Norm == DenoiseNorm.L1), p => Assert.False(p.Diverged));
        foreach (var norm in new[] { DenoiseNorm.L1, DenoiseNorm.L2 })
        {
            var finite = result.Points.Where(p => p.Norm == norm && !p.Diverged).ToList();
            Assert.Equal(finite.Max(p => p.Psnr), result.Best[norm].Psnr);
            Assert.False(result.Best[norm].Diverged);
        }
    }

    [Fact]
    public void Run_Batched_MatchesOneCellAfterAnother()
    {
        var (noisy, clean) = Crop();
        var grid = new DenoiseSweepOptions([DenoiseNorm.L1, DenoiseNorm.L2], Alphas: [1.0], Lrs: [0.05, 0.9], Steps: 30);

        var batched = TvSweep.Run(noisy, clean, grid with { Batched = true, MaxBatch = 3 }, CPU);
        var sequential = TvSweep.Run(noisy, clean, grid with { Batched = false }, CPU);

        Assert.True(batched.Batched);
        Assert.False(sequential.Batched);
        Assert.Equal(sequential.Points.Select(p => (p.Diverged, p.DivergedAtStep)), batched.Points.Select(p => (p.Diverged, p.DivergedAtStep)));
        foreach (var (b, s) in batched.Points.Zip(sequential.Points))
        {
            Assert.True(Math.Abs(s.Psnr!.Value - b.Psnr!.Value) <= 0.05, $"PSNR {s.Psnr} vs {b.Psnr}");
            Assert.True(Math.Abs(s.FinalLoss - b.FinalLoss) <= 1e-3 * Math.Abs(s.FinalLoss), $"{s.FinalLoss} vs {b.FinalLoss}");
        }
    }

    [Fact]
    public void Run_AutoBatchingOnCpu_RunsOneCellAfterAnother()
    {
        var (noisy, clean) = Crop();

        var result = TvSweep.Run(noisy, clean, new DenoiseSweepOptions([DenoiseNorm.L1], Alphas: [1.0], Lrs: [0.1], Steps: 2), CPU);

        Assert.False(result.Batched);
    }

    [Fact]
    public void Run_EveryCellDiverges_HasNoBestForThatNorm()
    {
        var (noisy, clean) = Crop();

        var result = TvSweep.Run(noisy, clean, new DenoiseSweepOptions([DenoiseNorm.L2], Alphas: [1.5], Lrs: [0.9], Steps: 100), CPU);

        var point = Assert.Single(result.Points);
        Assert.True(point.Diverged);
        Assert.True(double.IsFinite(point.FinalLoss));
        Assert.Empty(result.Best);
    }

    [Fact]
    public void Validate_BadLearningRate_ThrowsWithTheRunMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => new DenoiseSweepOptions([DenoiseNorm.L1], Lrs: [0.1, -1]).Validate());

        Assert.Contains("Learning rate must be a positive number", e.Message);
    }
}
