using Hw4.Ml.Data;
using Hw4.Ml.Training;
using static TorchSharp.torch;

namespace Hw4.Ml.Tests.Training;

public sealed class BatchLoaderTests
{
    [Fact]
    public void Batch_InOrder_ScalesBytesToUnitRangeAndKeepsLabels()
    {
        var set = SyntheticImages.Create(10, seed: 3);
        using var loader = new BatchLoader(set, batchSize: 4, CPU);
        using var scope = NewDisposeScope();
        using var order = loader.Order(null);

        var (images, labels) = loader.Batch(order, 2);

        Assert.Equal(new long[] { 2, 3, 32, 32 }, images.shape);
        Assert.Equal(ScalarType.Float32, images.dtype);
        Assert.Equal(ScalarType.Int64, labels.dtype);
        Assert.Equal(new long[] { set.Labels[8], set.Labels[9] }, labels.data<long>().ToArray());
        Assert.Equal(set.Image(9)[5] / 255f, images[1, 0, 0, 5].item<float>(), 6);
        Assert.Equal(3, loader.BatchCount);
    }

    [Fact]
    public void Order_SameSeed_SamePermutationAndOtherSeedDiffers()
    {
        using var loader = new BatchLoader(SyntheticImages.Create(50, seed: 3), batchSize: 8, CPU);

        using var a = loader.Order(SeedSequence.Shuffle(0, 1));
        using var b = loader.Order(SeedSequence.Shuffle(0, 1));
        using var c = loader.Order(SeedSequence.Shuffle(0, 2));

        Assert.Equal(a.data<long>().ToArray(), b.data<long>().ToArray());
        Assert.NotEqual(a.data<long>().ToArray(), c.data<long>().ToArray());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), a.data<long>().ToArray().Order());
    }
}
