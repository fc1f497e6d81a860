using Hw4.Ml.Denoising;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Denoising;

public sealed class TvLossTests
{
    [Theory]
    [InlineData(DenoiseNorm.L1)]
    [InlineData(DenoiseNorm.L2)]
    public void Compute_Gradient_MatchesCentralFiniteDifferences(DenoiseNorm norm)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(42);
        var i = rand(new long[] { 3, 5, 7 }, generator: generator, dtype: ScalarType.Float64) * 255;
        // J away from I and with distinct neighbours, so |t| is differentiable at every term.
        var j0 = i + randn(new long[] { 3, 5, 7 }, generator: generator, dtype: ScalarType.Float64) * 10;
        const double alpha = 0.7;
        var j = j0.clone().requires_grad_();

        TvLoss.Compute(i, j, alpha, norm).backward();
        var analytic = j.grad!.data<double>().ToArray();

        const double h = 1e-6;
        var flat = j0.reshape(-1);
        for (var k = 0; k < flat.shape[0]; k++)
        {
            var plus = flat.clone();
            plus[k] += h;
            var minus = flat.clone();
            minus[k] -= h;
            var numeric = (TvLoss.Compute(i, plus.reshape(3, 5, 7), alpha, norm).item<double>()
                         - TvLoss.Compute(i, minus.reshape(3, 5, 7), alpha, norm).item<double>()) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[k]) <= 1e-4 * Math.Max(1, Math.Abs(numeric)),
                $"element {k}: autograd {analytic[k]}, finite difference {numeric}");
        }
    }

    [Fact]
    public void Compute_ConstantImageEqualToInput_IsZero()
    {
        using var scope = NewDisposeScope();
        var i = full(new long[] { 3, 4, 6 }, 9.0, dtype: ScalarType.Float64);

        Assert.Equal(0.0, TvLoss.Compute(i, i.clone(), 1.5, DenoiseNorm.L1).item<double>());
    }

    [Fact]
    public void Compute_L1AndL2_SumAbsoluteAndSquaredTerms()
    {
        using var scope = NewDisposeScope();
        // 1×1×2 image: I = [0, 0], J = [1, 3] → data |1|+|3| or 1+9; dx = 2 → |2| or 4; no vertical differences.
        var i = zeros(new long[] { 1, 1, 2 }, dtype: ScalarType.Float64);
        var j = tensor(new[] { 1.0, 3.0 }).reshape(1, 1, 2);

        Assert.Equal(4 + 0.5 * 2, TvLoss.Compute(i, j, 0.5, DenoiseNorm.L1).item<double>(), 12);
        Assert.Equal(10 + 0.5 * 4, TvLoss.Compute(i, j, 0.5, DenoiseNorm.L2).item<double>(), 12);
    }
}
