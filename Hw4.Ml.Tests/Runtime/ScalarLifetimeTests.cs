using Hw4.Ml.Autograd;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Models;
using Hw4.Ml.Runtime;
using Hw4.Ml.Training;
using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Runtime;

/// <summary>
/// TorchSharp 0.107 frees a number passed to LibTorch (a <c>Scalar</c>) in its finalizer, and its operators make
/// temporary ones (<c>a + b</c> passes an alpha of 1) that nothing references once the native call starts. A garbage
/// collection on another thread (any test or request beside it) can then free the number while LibTorch reads it: the
/// op fails with c10's "Expected false to be true ... toFloat", as it did in CI in the denoiser's gradient descent.
/// Each hot path runs here while another thread collects garbage and runs finalizers nonstop; TorchSharp's own
/// <c>a + b</c> fails under this within 2 s (3×128×128 tensors, checked when this test was written). The collecting
/// thread puts every test of the process under the same pressure, and a test's own <c>t * 255</c> or <c>ToDouble()</c>
/// can then abort the whole test host (an uncaught c10::Error in <c>Scalar::toDouble</c> did, in CI): so this class
/// runs alone, after the others, and its bodies use only held scalars.
/// </summary>
[Collection(Name)]
public sealed class ScalarLifetimeTests
{
    /// <summary>The collection that runs by itself (no other test beside it).</summary>
    public const string Name = "Scalar lifetime (runs alone)";

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    private static void UnderGcPressure(Action body)
    {
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < Duration)
            {
                using var scope = NewDisposeScope();
                body();
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }

    private static Tensor Image(long side = 48)
    {
        using var generator = new Generator(3);
        return rand(new long[] { 3, side, side }, generator: generator).Times(255);
    }

    [Theory]
    [InlineData(DenoiseNorm.L1)]
    [InlineData(DenoiseNorm.L2)]
    public void TvLoss_UnderGcPressure_MatchesTheQuietValue(DenoiseNorm norm)
    {
        using var i = Image();
        using var j = i.flip(2);
        var quiet = TvLoss.Compute(i, j, 0.7, norm).ReadDouble();

        UnderGcPressure(() => Assert.Equal(quiet, TvLoss.Compute(i, j, 0.7, norm).ReadDouble()));
    }

    [Theory]
    [InlineData(DenoiseOptimizer.Gd)]
    [InlineData(DenoiseOptimizer.PrimalDual)]
    public void Denoise_UnderGcPressure_MatchesTheQuietLossAndPsnr(DenoiseOptimizer optimizer)
    {
        using var clean = Image(16);
        using var noisy = clean.flip(1);
        var options = new DenoiseOptions(DenoiseNorm.L1, optimizer, optimizer == DenoiseOptimizer.Gd ? 0.1 : 0.5, 1.0, Steps: 20);
        var quiet = TvDenoiser.Run(noisy, clean, options);

        UnderGcPressure(() =>
        {
            var result = TvDenoiser.Run(noisy, clean, options);
            Assert.Equal((quiet.FinalLoss, quiet.PsnrOutput), (result.FinalLoss, result.PsnrOutput));
        });
    }

    [Fact]
    public void TaylorSine_UnderGcPressure_MatchesTheQuietValues()
    {
        using var x = linspace(-Math.PI, Math.PI, 64);
        var quiet = TaylorSine.Evaluate(x, TaylorSine.DefaultTerms).data<float>().ToArray();

        UnderGcPressure(() => Assert.Equal(quiet, TaylorSine.Evaluate(x, TaylorSine.DefaultTerms).data<float>().ToArray()));
    }

    [Fact]
    public void Augmentation_UnderGcPressure_MatchesTheQuietBatch()
    {
        using var pixels = Image(32).DividedBy(255).unsqueeze(0).expand(4, 3, 32, 32).contiguous();
        using var factors = tensor(new[] { 0.6f, 0.9f, 1.1f, 1.4f });
        using var degrees = tensor(new[] { -10f, 0f, 5f, 10f });
        Tensor Augment()
        {
            var jittered = BatchFunctional.AdjustSaturation(BatchFunctional.AdjustBrightness(pixels, factors), factors);
            return BatchFunctional.Affine(jittered, BatchFunctional.AffineMatrices(degrees, factors, 32, 32));
        }

        var quiet = Augment().data<float>().ToArray();

        UnderGcPressure(() => Assert.Equal(quiet, Augment().data<float>().ToArray()));
    }

    [Fact]
    public void ResidualBlockAndPixelConversion_UnderGcPressure_MatchTheQuietOutput()
    {
        using var block = new ResidualBlock(3);
        using var bytes = Image(16).clamp(0, 255).to(ScalarType.Byte).unsqueeze(0);
        Tensor Forward() => ImageTensors.Quantize(block.forward(ToTensor.FromBytes(bytes)).squeeze(0));
        var quiet = Forward().data<float>().ToArray();

        UnderGcPressure(() => Assert.Equal(quiet, Forward().data<float>().ToArray()));
    }

    [Fact]
    public void AdamSteps_UnderGcPressure_MatchTheQuietParameters()
    {
        using var start = Image(8).DividedBy(255);
        using var target = start.flip(2);
        float[] Train()
        {
            using var param = new TorchSharp.Modules.Parameter(start.clone(), requires_grad: true);
            using var adam = new Hw4.Ml.Training.Adam([param], 0.01);
            for (var step = 0; step < 5; step++)
            {
                (param - target).abs().sum().backward();
                adam.step();
                adam.zero_grad();
            }

            return param.detach().data<float>().ToArray();
        }

        var quiet = Train();

        UnderGcPressure(() => Assert.Equal(quiet, Train()));
    }
}

/// <summary>Runs <see cref="ScalarLifetimeTests"/> with no other test beside it.</summary>
[CollectionDefinition(ScalarLifetimeTests.Name, DisableParallelization = true)]
public sealed class ScalarLifetimeCollection;
