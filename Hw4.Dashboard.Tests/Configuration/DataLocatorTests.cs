using Hw4.Dashboard.Configuration;

namespace Hw4.Dashboard.Tests.Configuration;

public sealed class DataLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-locator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DataDir_SharedBesideCheckout_IsFoundFromNestedFolder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "shared", "datasets"));
        Directory.CreateDirectory(Path.Combine(_root, "shared", "images"));
        File.WriteAllText(Path.Combine(_root, "shared", "images", "parrots-noisy.png"), "x");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "main", "Hw4.Dashboard", "bin")).FullName;

        var locator = new DataLocator(null, [nested]);

        Assert.Equal(Path.Combine(_root, "shared"), locator.DataDir);
        Assert.Equal(Path.Combine(_root, "shared", "images", "parrots-noisy.png"), locator.NoisyImage);
        Assert.Null(locator.CifarArchive);
    }

    [Fact]
    public void DataDir_Configured_WinsOverSearch()
    {
        Directory.CreateDirectory(Path.Combine(_root, "shared", "datasets"));
        var custom = Directory.CreateDirectory(Path.Combine(_root, "mine", "datasets")).Parent!.FullName;
        File.WriteAllText(Path.Combine(custom, "datasets", DataLocator.CifarZipName), "x");

        var locator = new DataLocator(custom, [_root]);

        Assert.Equal(custom, locator.DataDir);
        Assert.Equal(Path.Combine(custom, "datasets", DataLocator.CifarZipName), locator.CifarArchive);
        Assert.Single(locator.ListFiles());
    }

    [Fact]
    public void DataDir_NothingAnywhere_IsNull()
    {
        var locator = new DataLocator(null, [Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName]);

        Assert.True(locator.DataDir is null || !locator.DataDir.StartsWith(_root, StringComparison.Ordinal));
    }
}
