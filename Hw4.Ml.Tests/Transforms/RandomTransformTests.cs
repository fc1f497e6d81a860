using Hw4.Ml.Transforms;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Transforms;

public sealed class RandomTransformTests
{
    private static Tensor Batch(ulong seed, long count = 8) => rand([count, 3, 12, 12], generator: new Generator(seed));

    public static TheoryData<string> Names => ["flip", "affine", "jitter", "standard"];

    private static IBatchTransform Create(string name) => name switch
    {
        "flip" => new RandomHorizontalFlip(),
        "affine" => new RandomAffine(5, 0.8, 1.2),
        "jitter" => new ColorJitter(0.8, 1.2, 0.8, 1.2),
        _ => StandardAugmentation.Create(),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_SameSeed_GivesSameBatch(string name)
    {
        using var scope = NewDisposeScope();
        var x = Batch(10);
        var transform = Create(name);

        var a = transform.Apply(x, new Generator(42));
        var b = transform.Apply(x, new Generator(42));

        Assert.True(a.equal(b).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_DifferentSeed_GivesDifferentBatch(string name)
    {
        using var scope = NewDisposeScope();
        var x = Batch(11);
        var transform = Create(name);

        var a = transform.Apply(x, new Generator(1));
        var b = transform.Apply(x, new Generator(2));

        Assert.False(a.equal(b).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_AnyTransform_PreservesShapeDtypeRangeAndInput(string name)
    {
        using var scope = NewDisposeScope();
        var x = Batch(12);
        var copy = x.clone();

        var y = Create(name).Apply(x, new Generator(5));

        Assert.Equal(x.shape, y.shape);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.True((y >= 0).all().item<bool>() && (y <= 1).all().item<bool>());
        Assert.True(x.equal(copy).all().item<bool>());
    }

    [Fact]
    public void RandomHorizontalFlip_EachSample_IsMirrorOrUnchanged()
    {
        using var scope = NewDisposeScope();
        var x = Batch(13, count: 32);

        var y = new RandomHorizontalFlip().Apply(x, new Generator(3));

        var flipped = 0;
        for (var i = 0; i < 32; i++)
        {
            var mirrored = y[i].equal(x[i].flip(2)).all().item<bool>();
            Assert.True(mirrored || y[i].equal(x[i]).all().item<bool>());
            flipped += mirrored ? 1 : 0;
        }

        // Per-sample draws: a shared coin would flip all or none.
        Assert.InRange(flipped, 1, 31);
    }

    [Fact]
    public void RandomAffine_NoRotationUnitScale_IsIdentity()
    {
        using var scope = NewDisposeScope();
        var x = Batch(14);

        var y = new RandomAffine(0, 1, 1).Apply(x, new Generator(4));

        Assert.True(y.equal(x).all().item<bool>());
    }

    [Fact]
    public void ColorJitter_BrightnessOnly_ScalesEachSampleByOneFactor()
    {
        using var scope = NewDisposeScope();
        var x = Batch(15) * 0.5;

        var y = new ColorJitter(0.8, 1.2, 1, 1).Apply(x, new Generator(6));

        var ratio = y / x;
        var perSampleMin = ratio.amin([1, 2, 3]);
        var perSampleMax = ratio.amax([1, 2, 3]);
        Assert.True(perSampleMax.allclose(perSampleMin, rtol: 1e-5, atol: 1e-5));
        Assert.True((perSampleMin >= 0.8f - 1e-5).all().item<bool>() && (perSampleMax <= 1.2f + 1e-5).all().item<bool>());
        Assert.True(perSampleMax.max().item<float>() - perSampleMin.min().item<float>() > 0.01f);
    }

    [Fact]
    public void ColorJitter_SaturationZero_GivesGrayscale()
    {
        using var scope = NewDisposeScope();
        var x = Batch(16);

        var y = new ColorJitter(1, 1, 0, 0).Apply(x, new Generator(7));

        Assert.True(y.allclose(BatchFunctional.Grayscale(x).expand_as(x), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void StandardAugmentation_Create_IsFlipAffineJitterInOrder()
    {
        var compose = StandardAugmentation.Create();

        Assert.Collection(
            compose.Transforms,
            t => Assert.Equal(0.5, Assert.IsType<RandomHorizontalFlip>(t).Probability),
            t => Assert.Equal((5.0, 0.8, 1.2), (Assert.IsType<RandomAffine>(t).Degrees, ((RandomAffine)t).MinScale, ((RandomAffine)t).MaxScale)),
            t => Assert.Equal((0.8, 1.2, 0.8, 1.2), (((ColorJitter)t).MinBrightness, ((ColorJitter)t).MaxBrightness, ((ColorJitter)t).MinSaturation, ((ColorJitter)t).MaxSaturation)));
    }

    [Fact]
    public void Compose_Empty_ReturnsEqualNewTensor()
    {
        using var scope = NewDisposeScope();
        var x = Batch(17, count: 2);

        var y = new Compose().Apply(x, new Generator(1));

        Assert.True(y.equal(x).all().item<bool>());
        Assert.NotEqual(x.Handle, y.Handle);
    }
}
