using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Training;
using Hw4.Dashboard.Tests.Integration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Training;

public sealed class CifarDataProviderTests
{
    [Fact]
    public void Get_ConfiguredTotalCapBelowTheArchive_RefusesNamingTheArchiveAndTheCap()
    {
        var dataDir = TinyCifarZip.EnsureDataDir(trainPerClass: 4, testPerClass: 2);
        var options = new Hw4Options { DataDir = dataDir, DatasetMaxTotalBytes = 5_000 };
        var provider = new CifarDataProvider(DataLocator.FromOptions(options), Options.Create(options));

        var error = Assert.Throws<InvalidOperationException>(() => provider.Get(CancellationToken.None));

        Assert.Contains(DataLocator.CifarZipName, error.Message, StringComparison.Ordinal);
        Assert.Contains("5,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_DefaultCaps_LoadsTheArchive()
    {
        var dataDir = TinyCifarZip.EnsureDataDir(trainPerClass: 4, testPerClass: 2);
        var options = new Hw4Options { DataDir = dataDir };
        var provider = new CifarDataProvider(DataLocator.FromOptions(options), Options.Create(options));

        var data = provider.Get(CancellationToken.None);

        Assert.Equal(4 * TinyCifarZip.Classes.Length, data.Train.Count);
    }
}
