using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class DatasetSplitterTests
{
    private static ImageSet Set(int count)
    {
        var pixels = new byte[count * ImageSet.ImageBytes];
        for (var i = 0; i < count; i++)
            pixels[i * ImageSet.ImageBytes] = (byte)i; // first byte identifies the image
        return new ImageSet(pixels, Enumerable.Range(0, count).Select(i => i % 3).ToArray(), ["a", "b", "c"]);
    }

    [Fact]
    public void Split_SameSeed_SameSplit()
    {
        var first = DatasetSplitter.Split(Set(50), valSize: 10, seed: 7);
        var second = DatasetSplitter.Split(Set(50), valSize: 10, seed: 7);

        Assert.Equal(first.ValidationIndices, second.ValidationIndices);
        Assert.Equal(first.TrainIndices, second.TrainIndices);
        Assert.Equal(first.Train.Pixels, second.Train.Pixels);
    }

    [Fact]
    public void Split_DifferentSeed_DifferentValidation()
    {
        var first = DatasetSplitter.Split(Set(50), valSize: 10, seed: 1);
        var second = DatasetSplitter.Split(Set(50), valSize: 10, seed: 2);

        Assert.NotEqual(first.ValidationIndices, second.ValidationIndices);
    }

    [Fact]
    public void Split_AnySeed_DisjointAndCoversAll()
    {
        var split = DatasetSplitter.Split(Set(50), valSize: 10, seed: 3);

        Assert.Equal(10, split.Validation.Count);
        Assert.Equal(40, split.Train.Count);
        Assert.Empty(split.TrainIndices.Intersect(split.ValidationIndices));
        Assert.Equal(Enumerable.Range(0, 50), split.TrainIndices.Concat(split.ValidationIndices).Order());
    }

    [Fact]
    public void Split_ImagesFollowIndices_PixelsAndLabelsMatch()
    {
        var split = DatasetSplitter.Split(Set(20), valSize: 5, seed: 0);

        for (var i = 0; i < split.Validation.Count; i++)
        {
            var original = split.ValidationIndices[i];
            Assert.Equal(original, split.Validation.Image(i)[0]);
            Assert.Equal(original % 3, split.Validation.Labels[i]);
        }
    }

    [Fact]
    public void Permutation_SeedZero_EqualsNumpyDefaultRng()
    {
        // Values printed by NumPy 1.24: np.random.default_rng(0).permutation(10) and (50000)[:8].
        Assert.Equal([4, 6, 2, 7, 3, 5, 9, 0, 8, 1], DatasetSplitter.Permutation(10, seed: 0));
        Assert.Equal([25461, 5892, 10377, 28814, 9578, 43565, 28804, 22391], DatasetSplitter.Permutation(50_000, seed: 0)[..8]);
    }

    [Fact]
    public void Permutation_OtherSeeds_EqualNumpyDefaultRng()
    {
        // np.random.default_rng(7).permutation(12) and np.random.default_rng(12345).permutation(300)[:6]
        Assert.Equal([4, 6, 10, 0, 1, 3, 8, 7, 2, 5, 9, 11], DatasetSplitter.Permutation(12, seed: 7));
        Assert.Equal([92, 293, 226, 200, 258, 23], DatasetSplitter.Permutation(300, seed: 12345)[..6]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Split_ValSizeLeavesEmptyPart_Throws(int valSize)
    {
        var ex = Assert.Throws<DatasetException>(() => DatasetSplitter.Split(Set(20), valSize, seed: 0));

        Assert.Contains("empty split", ex.Message);
    }
}
