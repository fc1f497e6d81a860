using System.Buffers.Binary;
using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class NpzLoaderTests : IDisposable
{
    private static readonly (int Label, int Image)[] Images = [(0, 0), (1, 1), (2, 2), (1, 3), (0, 4)];

    private readonly TempDirectory _temp = new();

    private DatasetLoadOptions Options => new() { CacheDirectory = _temp.Combine("cache"), TestSize = 2 };

    public void Dispose() => _temp.Dispose();

    private static byte[] X(bool fortran) => DatasetFiles.Npy("|u1", fortran, [Images.Length, 32, 32, 3], DatasetFiles.Hwc(Images, fortran));

    private static byte[] Y(string descr = "<i8", Func<long, byte[]>? encode = null)
    {
        encode ??= v => BitConverter.GetBytes(v);
        return DatasetFiles.Npy(descr, false, [Images.Length], Images.SelectMany(i => encode(i.Label)).ToArray());
    }

    private static byte[] Names() => DatasetFiles.Npy("<U5", false, [3], DatasetFiles.Utf32(["ant", "bee", "crab"], 5));

    private void AssertImages(CifarData data)
    {
        Assert.Equal(DatasetFormat.Npz, data.Format);
        Assert.Equal(["ant", "bee", "crab"], data.Classes);
        Assert.Equal([0, 1, 2], data.Train.Labels);
        Assert.Equal([1, 0], data.Test.Labels);
        for (var i = 0; i < 3; i++)
            Assert.Equal(DatasetFiles.Chw(Images[i].Label, Images[i].Image), data.Train.Image(i).ToArray());
        Assert.Equal(DatasetFiles.Chw(0, 4), data.Test.Image(1).ToArray());
    }

    [Fact]
    public void Load_NpzCOrder_LastTestSizeImagesAreTest()
    {
        var path = DatasetFiles.Npz(_temp.Combine("c.npz"), ("X", X(fortran: false)), ("y", Y()), ("label_names", Names()));

        AssertImages(DatasetLoader.Load(path, Options));
    }

    [Fact]
    public void Load_NpzFortranOrder_SameImagesAsCOrder()
    {
        var path = DatasetFiles.Npz(_temp.Combine("f.npz"), ("X", X(fortran: true)), ("y", Y()), ("label_names", Names()));

        AssertImages(DatasetLoader.Load(path, Options));
    }

    [Fact]
    public void Load_BigEndianInt32Labels_ReadCorrectly()
    {
        var y = Y(">i4", v =>
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, (int)v);
            return b;
        });
        var path = DatasetFiles.Npz(_temp.Combine("be.npz"), ("X", X(false)), ("y", y), ("label_names", Names()));

        AssertImages(DatasetLoader.Load(path, Options));
    }

    [Fact]
    public void Load_LabelOutOfRange_ErrorNamesIndex()
    {
        var y = DatasetFiles.Npy("|u1", false, [5], [0, 1, 2, 7, 0]);
        var path = DatasetFiles.Npz(_temp.Combine("bad.npz"), ("X", X(false)), ("y", y), ("label_names", Names()));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        Assert.Contains("y[3] = 7", ex.Message);
    }

    [Fact]
    public void Load_ObjectDtype_RefusedAsPickle()
    {
        var names = DatasetFiles.Npy("|O", false, [3], [0x80, 0x04, 0x95]);
        var path = DatasetFiles.Npz(_temp.Combine("obj.npz"), ("X", X(false)), ("y", Y()), ("label_names", names));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        Assert.Contains("label_names.npy", ex.Message);
        Assert.Contains("pickle", ex.Message);
    }

    [Fact]
    public void Load_TestSizeCoversAll_EmptySplitError()
    {
        var path = DatasetFiles.Npz(_temp.Combine("c.npz"), ("X", X(false)), ("y", Y()), ("label_names", Names()));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options with { TestSize = 5 }));

        Assert.Contains("empty split", ex.Message);
    }

    [Fact]
    public void Load_WrongImageShape_ErrorNamesShape()
    {
        var x = DatasetFiles.Npy("|u1", false, [5, 3, 32, 32], new byte[5 * 3072]);
        var path = DatasetFiles.Npz(_temp.Combine("chw.npz"), ("X", x), ("y", Y()), ("label_names", Names()));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(path, Options));

        Assert.Contains("(5, 3, 32, 32)", ex.Message);
    }
}
