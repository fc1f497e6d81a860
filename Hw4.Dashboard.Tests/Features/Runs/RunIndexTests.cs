using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>The SQLite index over run folders written by Hw4.Ml's own writer (the index is a projection of them).</summary>
public sealed class RunIndexTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-index-").FullName;
    private ServiceProvider _services = default!;

    private string RunsDir => Path.Combine(_root, "runs");

    private string DatabaseFile => Path.Combine(_root, "db", "hw4.db");

    private RunIndex Index => _services.GetRequiredService<RunIndex>();

    private RunFolderBuilder Runs => new(RunsDir);

    public Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContextFactory<Hw4DbContext>(db => db.UseSqlite($"Data Source={DatabaseFile}"));
        collection.AddSingleton<RunIndex>();
        _services = collection.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task RebuildAsync_RunFolders_RoundTripThroughSqlite()
    {
        var cnn = Runs.Finished("20261127-cnn", "cnn", [1.8, 1.5, 1.6], created: new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero));
        File.AppendAllText(cnn.MetricsPath, "{ this line is damaged\n");
        Runs.Finished("20261126-res", "residual", [1.1], [[5, 1, 0], [2, 2, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(Path.Combine(RunsDir, "not-a-run"));

        await Index.InitializeAsync();
        var count = await Index.RebuildAsync(RunsDir);
        var list = await Index.ListAsync();
        var row = await Index.GetAsync("20261127-cnn");

        Assert.Equal(2, count);
        Assert.Equal(["20261127-cnn", "20261126-res"], list.Select(r => r.Id));
        Assert.Equal(("cnn", 3, "completed"), (row!.Model, row.EpochsPlanned, row.Status));
        Assert.Equal([1, 2, 3], row.Epochs.Select(e => e.Epoch));
        Assert.Equal(1.5, row.Epochs[1].ValLoss);
        Assert.Equal(2, row.BestEpoch);
        Assert.Equal(1.5, row.BestValLoss);
        Assert.Null(row.Problem);
        Assert.Equal(11.0 / 14, list[1].TestAccuracy);
        Assert.Equal("wal", await Index.JournalModeAsync());
    }

    [Fact]
    public async Task UpsertAsync_RunGainsEpochs_ReplacesItsRow()
    {
        var dir = Runs.Started("r");
        dir.AppendMetric(new EpochCompleted("r", 1, 2.0, 1.9, 0.3, 1, 1));
        await Index.InitializeAsync();
        await Index.RebuildAsync(RunsDir);

        dir.AppendMetric(new EpochCompleted("r", 2, 1.0, 0.9, 0.5, 1, 1));
        await Index.UpsertAsync(dir.Path);
        var run = await Index.GetAsync("r");

        Assert.Equal(("running", 2, 0.9), (run!.Status, run.EpochsDone, run.BestValLoss));
        Assert.Single(await Index.ListAsync());
    }

    [Fact]
    public async Task RebuildAsync_MissingRunsDir_IndexesNothing()
    {
        await Index.InitializeAsync();

        Assert.Equal(0, await Index.RebuildAsync(Path.Combine(_root, "nowhere")));
        Assert.Empty(await Index.ListAsync());
    }

    [Fact]
    public async Task RebuildAsync_NaNValidationLoss_IsStoredAsMissingAndNeverBest()
    {
        var dir = Runs.Started("nan-run", new TrainerOptions { Epochs = 2 });
        dir.AppendMetric(new EpochCompleted("nan-run", 1, 2.3, 2.2, 0.1, 1, 1));
        dir.AppendMetric(new EpochCompleted("nan-run", 2, 2.3, double.NaN, 0.1, 1, 1));
        await Index.InitializeAsync();

        await Index.RebuildAsync(RunsDir);
        var run = await Index.GetAsync("nan-run");

        Assert.Null(run!.Epochs[1].ValLoss);
        Assert.Equal(1, run.BestEpoch);
        Assert.Equal(2.2, run.BestValLoss);
    }

    [Fact]
    public async Task RebuildAsync_DamagedRunJson_ListsTheRunAsUnreadableWithTheReason()
    {
        var dir = Runs.Finished("broken", "cnn", [1.5]);
        File.WriteAllText(dir.RunJsonPath, "{\"id\": \"broken\", ");
        await Index.InitializeAsync();

        await Index.RebuildAsync(RunsDir);
        var row = Assert.Single(await Index.ListAsync());

        Assert.Equal("unreadable", row.Status);
        Assert.Contains("run.json", row.Problem);
        Assert.Equal("unreadable: " + row.Problem, Hw4.Dashboard.Features.Runs.List.RunListFormat.Status(row));
    }

    [Fact]
    public async Task InitializeAsync_CorruptDatabaseFile_MovesItAsideAndRebuildsEveryRun()
    {
        Runs.Finished("a", "cnn", [1.5]);
        Runs.Finished("b", "residual", [1.4]);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        await File.WriteAllBytesAsync(DatabaseFile, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var aside = await Index.InitializeAsync();
        var count = await Index.RebuildAsync(RunsDir);

        Assert.NotNull(aside);
        Assert.True(File.Exists(aside));
        Assert.Equal(2, count);
        Assert.Equal(["a", "b"], (await Index.ListAsync()).Select(r => r.Id).Order());
    }
}
