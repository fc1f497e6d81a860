using Hw4.Ml.Data;

namespace Hw4.Ml.Tests.Data;

public sealed class DatasetCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private DatasetLoadOptions Options => new() { CacheDirectory = _temp.Combine("cache") };

    public void Dispose() => _temp.Dispose();

    private string MakeZip()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 3);
        return DatasetFiles.Zip(root, _temp.Combine("data.zip"));
    }

    private string CacheFile() => Assert.Single(Directory.GetFiles(_temp.Combine("cache"), "*.hw4ds"));

    [Fact]
    public void Load_SecondTime_ReadsIdenticalDataFromCache()
    {
        var zip = MakeZip();

        var cold = DatasetLoader.Load(zip, Options);
        var warm = DatasetLoader.Load(zip, Options);

        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(cold.Train.Pixels, warm.Train.Pixels);
        Assert.Equal(cold.Test.Labels, warm.Test.Labels);
        Assert.Equal(cold.Classes, warm.Classes);
        Assert.Equal(cold.SourceHash, warm.SourceHash);
        Assert.Empty(Directory.GetFiles(_temp.Combine("cache"), "*.tmp"));
    }

    [Fact]
    public void Load_SourceModified_CacheRebuilt()
    {
        var zip = MakeZip();
        var cold = DatasetLoader.Load(zip, Options);
        File.Delete(zip);
        File.WriteAllBytes(_temp.Combine("data", "train", "a", "0000.png"), DatasetFiles.Png(1, 9));
        DatasetFiles.Zip(_temp.Combine("data"), zip);

        var reloaded = DatasetLoader.Load(zip, Options);

        Assert.False(reloaded.FromCache);
        Assert.NotEqual(cold.SourceHash, reloaded.SourceHash);
        Assert.Equal(DatasetFiles.Chw(1, 9), reloaded.Train.Image(0).ToArray());
    }

    [Fact]
    public void Load_SourceOnlyTouched_ContentHashKeepsCache()
    {
        var zip = MakeZip();
        var cold = DatasetLoader.Load(zip, Options);
        File.SetLastWriteTimeUtc(zip, DateTime.UtcNow.AddMinutes(5));

        var touched = DatasetLoader.Load(zip, Options);
        var again = DatasetLoader.Load(zip, Options);

        Assert.True(touched.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(cold.SourceHash, touched.SourceHash);
    }

    [Fact]
    public void Load_DirectorySourceFileAdded_CacheRebuilt()
    {
        var root = DatasetFiles.ImageFolder(_temp.Combine("data"), ["a", "b"], perClass: 2);
        DatasetLoader.Load(root, Options);
        File.WriteAllBytes(Path.Combine(root, "train", "b", "0009.png"), DatasetFiles.Png(1, 9));

        var reloaded = DatasetLoader.Load(root, Options);

        Assert.False(reloaded.FromCache);
        Assert.Equal(5, reloaded.Train.Count);
    }

    [Fact]
    public void Load_TruncatedCache_RebuiltWithoutError()
    {
        var zip = MakeZip();
        var cold = DatasetLoader.Load(zip, Options);
        var cache = CacheFile();
        var bytes = File.ReadAllBytes(cache);
        File.WriteAllBytes(cache, bytes[..(bytes.Length - 100)]);

        var reloaded = DatasetLoader.Load(zip, Options);

        Assert.False(reloaded.FromCache);
        Assert.Equal(cold.Train.Pixels, reloaded.Train.Pixels);
        Assert.True(DatasetLoader.Load(zip, Options).FromCache);
    }

    [Fact]
    public void Load_CorruptCachePayload_RebuiltWithoutError()
    {
        var zip = MakeZip();
        var cold = DatasetLoader.Load(zip, Options);
        var cache = CacheFile();
        var bytes = File.ReadAllBytes(cache);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(cache, bytes);

        var reloaded = DatasetLoader.Load(zip, Options);

        Assert.False(reloaded.FromCache);
        Assert.Equal(cold.Test.Pixels, reloaded.Test.Pixels);
    }

    [Fact]
    public void Load_GarbageCacheHeader_RebuiltWithoutError()
    {
        var zip = MakeZip();
        DatasetLoader.Load(zip, Options);
        File.WriteAllText(CacheFile(), "HW4DSET\0 not really a cache");

        var reloaded = DatasetLoader.Load(zip, Options);

        Assert.False(reloaded.FromCache);
        Assert.Equal(6, reloaded.Train.Count);
    }

    [Fact]
    public void Load_CancelledToken_ThrowsOperationCanceledAndWritesNoCache()
    {
        var zip = MakeZip();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DatasetLoader.Load(zip, Options, ct: cts.Token));

        Assert.False(Directory.Exists(_temp.Combine("cache")) && Directory.EnumerateFiles(_temp.Combine("cache")).Any());
    }

    [Fact]
    public void Load_CacheDisabled_WritesNoCache()
    {
        var zip = MakeZip();

        DatasetLoader.Load(zip, Options with { UseCache = false });

        Assert.False(Directory.Exists(_temp.Combine("cache")));
    }
}
