using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Features.Runs.Live;

public sealed class RunMetricsCacheTests : IDisposable
{
    private readonly string _runs = Directory.CreateTempSubdirectory("hw4-metrics-cache-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Read_FileUnchanged_ParsedOnceAndSameEventsAsTheFile()
    {
        var dir = new RunFolderBuilder(_runs).Finished("c1", "cnn", [1.5, 1.2]);
        var cache = new RunMetricsCache();

        var first = cache.Read(dir);
        var second = cache.Read(dir);

        Assert.Same(first, second);
        Assert.Equal(dir.ReadMetrics(), first);
        Assert.Equal(2, first.OfType<EpochCompleted>().Count());
    }

    [Fact]
    public void Read_AfterALineWasAppended_ReadsTheFileAgain()
    {
        var dir = new RunFolderBuilder(_runs).Finished("c2", "cnn", [1.5]);
        var cache = new RunMetricsCache();
        var before = cache.Read(dir);

        dir.AppendMetric(new RunWarning("c2", "late line"));
        var after = cache.Read(dir);

        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal("late line", Assert.IsType<RunWarning>(after[^1]).Message);
    }

    [Fact]
    public void Read_MoreFilesThanCapacity_LeastRecentlyUsedIsReadAgainOthersStay()
    {
        var builder = new RunFolderBuilder(_runs);
        var dirs = Enumerable.Range(0, RunMetricsCache.Capacity + 1).Select(i => builder.Finished($"m{i}", "cnn", [1.0])).ToList();
        var cache = new RunMetricsCache();
        var firstReads = dirs.Select(cache.Read).ToList();

        Assert.NotSame(firstReads[0], cache.Read(dirs[0]));
        Assert.Same(firstReads[^1], cache.Read(dirs[^1]));
    }

    [Fact]
    public void Summary_ThroughTheCache_SameEpochsAsReadingTheFolder()
    {
        var dir = new RunFolderBuilder(_runs).Finished("s1", "cnn", [1.5, 1.2, 1.3]);
        var cache = new RunMetricsCache();

        var cached = RunDirectoryReader.Read(dir.Path, cache.Read);

        Assert.Equal(RunDirectoryReader.Read(dir.Path).Epochs, cached.Epochs);
        Assert.Equal(2, cached.Best?.Epoch);
        Assert.Same(cache.Read(dir), RunHistory.Read(_runs, "s1", cache));
    }
}
