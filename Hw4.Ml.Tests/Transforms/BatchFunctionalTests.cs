using Hw4.Ml.Transforms;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Transforms;

public sealed class BatchFunctionalTests
{
    private static Tensor Batch(long seed, long count = 3, long height = 5, long width = 6) =>
        rand([count, 3, height, width], generator: new Generator((ulong)seed));

    [Fact]
    public void HorizontalFlip_MaskedSamples_AreExactMirrors()
    {
        using var scope = NewDisposeScope();
        var x = Batch(1);

        var y = BatchFunctional.HorizontalFlip(x, tensor(new[] { true, false, true }));

        Assert.True(y[0].equal(x[0].flip(2)).all().item<bool>());
        Assert.True(y[1].equal(x[1]).all().item<bool>());
        Assert.True(y[2].equal(x[2].flip(2)).all().item<bool>());
        // Exact mirror: column j comes from column W−1−j.
        Assert.Equal(x[0, 1, 2, 0].item<float>(), y[0, 1, 2, 5].item<float>());
    }

    [Fact]
    public void Affine_ZeroDegreesScaleOne_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var x = Batch(2, count: 2, height: 7, width: 9);
        var theta = BatchFunctional.AffineMatrices(zeros(2), ones(2), 7, 9);

        var y = BatchFunctional.Affine(x, theta);

        Assert.True(y.equal(x).all().item<bool>());
    }

    [Fact]
    public void Affine_NinetyDegrees_RotatesClockwiseAboutCentreLikeTorchvisionAffine()
    {
        using var scope = NewDisposeScope();
        var x = arange(9f).view(1, 1, 3, 3).expand(1, 3, 3, 3).contiguous();
        var theta = BatchFunctional.AffineMatrices(tensor(new[] { 90f }), ones(1), 3, 3);

        var y = BatchFunctional.Affine(x, theta);

        // torchvision's F.affine (unlike F.rotate) turns the picture clockwise for positive angles on tensors:
        // its inverse matrix is [[cos, sin], [-sin, cos]] applied in y-down pixel coordinates.
        var expected = x.rot90(-1, (2, 3));
        Assert.True(y.equal(expected).all().item<bool>());
    }

    [Fact]
    public void Affine_ScaleHalf_FillsBorderWithZeros()
    {
        using var scope = NewDisposeScope();
        var x = ones(1, 3, 8, 8);
        var theta = BatchFunctional.AffineMatrices(zeros(1), tensor(new[] { 0.5f }), 8, 8);

        var y = BatchFunctional.Affine(x, theta);

        Assert.Equal(0f, y[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, y[0, 0, 4, 4].item<float>());
        Assert.Equal(3 * 4 * 4, y.sum().item<float>());
    }

    [Fact]
    public void AdjustBrightness_Factor_ScalesAndClamps()
    {
        using var scope = NewDisposeScope();
        var x = full([2, 3, 2, 2], 0.4f);

        var y = BatchFunctional.AdjustBrightness(x, tensor(new[] { 0.5f, 3f }));

        Assert.True(y[0].allclose(full([3, 2, 2], 0.2f)));
        Assert.True(y[1].equal(ones(3, 2, 2)).all().item<bool>());
    }

    [Fact]
    public void AdjustSaturation_FactorZero_GivesGrayscaleInAllChannels()
    {
        using var scope = NewDisposeScope();
        var x = Batch(3, count: 1);

        var y = BatchFunctional.AdjustSaturation(x, zeros(1));

        var gray = 0.2989f * x[0, 0] + 0.587f * x[0, 1] + 0.114f * x[0, 2];
        for (var c = 0; c < 3; c++)
        {
            Assert.True(y[0, c].allclose(gray, rtol: 0, atol: 1e-6));
        }
    }

    [Fact]
    public void AdjustSaturation_FactorOne_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var x = Batch(4, count: 2);

        var y = BatchFunctional.AdjustSaturation(x, ones(2));

        Assert.True(y.allclose(x, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void EnsureImageBatch_WrongShape_ThrowsOneLineNamingShape()
    {
        using var x = zeros(2, 1, 4, 4);

        var ex = Assert.Throws<ArgumentException>(() => BatchFunctional.EnsureImageBatch(x, "batch"));

        Assert.Contains("[2, 1, 4, 4]", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
