using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class CifarBinaryLoaderTests : IDisposable
{
    private static readonly string[] Classes = ["cat", "dog", "emu"];

    private readonly TempDirectory _temp = new();

    private DatasetLoadOptions Options => new() { CacheDirectory = _temp.Combine("cache") };

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_BatchesFolder_ReadsRecordsInBatchOrder()
    {
        DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);

        var data = DatasetLoader.Load(_temp.Combine("src"), Options);

        Assert.Equal(DatasetFormat.CifarBinary, data.Format);
        Assert.Equal(Classes, data.Classes);
        Assert.Equal(15, data.Train.Count);
        Assert.Equal([0, 1, 2, 0, 1, 2], data.Train.Labels[..6]);
        Assert.Equal(DatasetFiles.Chw(2, 2), data.Train.Image(5).ToArray());
        Assert.Equal([1, 0], data.Test.Labels);
        Assert.Equal(DatasetFiles.Chw(0, 8), data.Test.Image(1).ToArray());
    }

    [Fact]
    public void Load_TarGz_MatchesFolder()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);
        var archive = DatasetFiles.TarGz(dir, _temp.Combine("cifar-10-binary.tar.gz"));

        var fromTar = DatasetLoader.Load(archive, Options);
        var fromDir = DatasetLoader.Load(dir, Options);

        Assert.Equal(DatasetFormat.CifarBinaryTar, fromTar.Format);
        Assert.Equal(fromDir.Train.Pixels, fromTar.Train.Pixels);
        Assert.Equal(fromDir.Train.Labels, fromTar.Train.Labels);
        Assert.Equal(fromDir.Test.Pixels, fromTar.Test.Pixels);
    }

    [Fact]
    public void Load_TruncatedBatch_ErrorNamesBatch()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);
        var batch = Path.Combine(dir, "data_batch_3.bin");
        File.WriteAllBytes(batch, File.ReadAllBytes(batch)[..5000]);

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(dir, Options));

        Assert.Contains("data_batch_3.bin", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Load_LabelOutOfRange_ErrorNamesRecord()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), DatasetFiles.Batch((1, 0), (9, 0)));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(dir, Options));

        Assert.Contains("test_batch.bin record 1 has label 9", ex.Message);
    }

    [Fact]
    public void Load_MissingBatch_ErrorNamesBatch()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);
        File.Delete(Path.Combine(dir, "data_batch_5.bin"));

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(dir, Options));

        Assert.Contains("data_batch_5.bin is missing", ex.Message);
    }

    [Fact]
    public void Load_TruncatedTarGz_ClearError()
    {
        var dir = DatasetFiles.BinaryFolder(_temp.Combine("src"), Classes);
        var archive = DatasetFiles.TarGz(dir, _temp.Combine("cifar-10-binary.tar.gz"));
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(archive, Options));

        Assert.Contains("cifar-10-binary.tar.gz", ex.Message);
    }
}
