using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Store;
using Hw4.Dashboard.Tests.Integration;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>
/// The index over run folders written by Hw4.Ml's own writer (the index is a projection of them): one suite, run on
/// each store provider by a subclass (<see cref="SqliteRunIndexTests"/>, <see cref="PostgresRunIndexTests"/>), which
/// chooses it through configuration as the app does.
/// </summary>
public abstract class RunIndexContract : IAsyncLifetime
{
    private ServiceProvider _services = default!;

    /// <summary>The temp folder of this test (runs, and the SQLite file where there is one).</summary>
    protected string Root { get; } = Directory.CreateTempSubdirectory("hw4-index-").FullName;

    protected string ArtifactsDir => Path.Combine(Root, "runs");

    protected RunIndex Index => _services.GetRequiredService<RunIndex>();

    protected IServiceProvider Services => _services;

    protected RunFolderBuilder Runs => new(ArtifactsDir);

    /// <summary>The store settings (Hw4:Database or Hw4:Postgres) this provider's tests use.</summary>
    protected abstract Task<Hw4Options> StoreOptionsAsync();

    /// <summary>Removes what <see cref="StoreOptionsAsync"/> made.</summary>
    protected abstract Task CleanUpStoreAsync();

    /// <summary>This provider's last migration before the index stopped storing each run's absolute folder.</summary>
    protected abstract string OldCodesLastMigration { get; }

    /// <summary>The tag list <c>["keep"]</c> as this provider's SQL literal.</summary>
    protected abstract string TagsLiteral { get; }

    public async Task InitializeAsync()
    {
        var options = await StoreOptionsAsync();
        options.ArtifactsDir = ArtifactsDir;
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton(Options.Create(options));
        collection.AddRunStore(scanAtStart: false);
        _services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await CleanUpStoreAsync();
        Directory.Delete(Root, recursive: true);
    }

    [Fact]
    public async Task RebuildAsync_RunFolders_RoundTripThroughTheStore()
    {
        var cnn = Runs.Finished("20261127-cnn", "cnn", [1.8, 1.5, 1.6], created: new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero));
        File.AppendAllText(cnn.MetricsPath, "{ this line is damaged\n");
        Runs.Finished("20261126-res", "residual", [1.1], [[5, 1, 0], [2, 2, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(Path.Combine(ArtifactsDir, "not-a-run"));

        await Index.InitializeAsync();
        var count = await Index.RebuildAsync(ArtifactsDir);
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
    }

    [Fact]
    public async Task UpsertAsync_RunGainsEpochs_ReplacesItsRow()
    {
        var dir = Runs.Started("r");
        dir.AppendMetric(new EpochCompleted("r", 1, 2.0, 1.9, 0.3, 1, 1));
        await Index.InitializeAsync();
        await Index.RebuildAsync(ArtifactsDir);

        dir.AppendMetric(new EpochCompleted("r", 2, 1.0, 0.9, 0.5, 1, 1));
        await Index.UpsertAsync(dir.Path);
        var run = await Index.GetAsync("r");

        Assert.Equal(("running", 2, 0.9), (run!.Status, run.EpochsDone, run.BestValLoss));
        Assert.Single(await Index.ListAsync());
    }

    [Fact]
    public async Task RebuildAsync_MissingArtifactsDir_IndexesNothing()
    {
        await Index.InitializeAsync();

        Assert.Equal(0, await Index.RebuildAsync(Path.Combine(Root, "nowhere")));
        Assert.Empty(await Index.ListAsync());
    }

    [Fact]
    public async Task RebuildAsync_NaNValidationLoss_IsStoredAsMissingAndNeverBest()
    {
        var dir = Runs.Started("nan-run", new TrainerOptions { Epochs = 2 });
        dir.AppendMetric(new EpochCompleted("nan-run", 1, 2.3, 2.2, 0.1, 1, 1));
        dir.AppendMetric(new EpochCompleted("nan-run", 2, 2.3, double.NaN, 0.1, 1, 1));
        await Index.InitializeAsync();

        await Index.RebuildAsync(ArtifactsDir);
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

        await Index.RebuildAsync(ArtifactsDir);
        var row = Assert.Single(await Index.ListAsync());

        Assert.Equal("unreadable", row.Status);
        Assert.Contains("run.json", row.Problem);
        Assert.Equal("unreadable: " + row.Problem, Hw4.Dashboard.Features.Runs.List.RunListFormat.Status(row));
    }

    [Fact]
    public async Task RebuildAsync_RunJsonNamesItsHost_TheRowCarriesIt()
    {
        Runs.Finished("on-gpu", "cnn", [1.5], host: "gpu-worker-1");
        Runs.Queued("waiting");
        await Index.InitializeAsync();

        await Index.RebuildAsync(ArtifactsDir);

        Assert.Equal("gpu-worker-1", (await Index.GetAsync("on-gpu"))!.Host);
        Assert.Null((await Index.GetAsync("waiting"))!.Host);
        Assert.Equal(["gpu-worker-1"], Hw4.Dashboard.Features.Runs.List.RunListQuery.HostsOf(await Index.ListAsync()));
    }

    [Fact]
    public async Task UpsertAsync_RunResumedOnAnotherHost_TheRowFollowsRunJson()
    {
        var dir = Runs.Started("moved", host: "host-a");
        await Index.InitializeAsync();
        await Index.RebuildAsync(ArtifactsDir);

        dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Interrupted, r => r with { Owner = null });
        dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Queued, r => r);
        dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Running, r => r with { Host = "host-b" });
        await Index.UpsertAsync(dir.Path);

        Assert.Equal("host-b", (await Index.GetAsync("moved"))!.Host);
    }

    [Fact]
    public async Task InitializeAsync_IndexWrittenByTheOldCode_KeepsItsRowsWithoutTheirAbsoluteFolders()
    {
        // The old code stored each run's absolute folder as the host that indexed it saw it: here another host's mount.
        Runs.Finished("old-run", "cnn", [1.5, 1.4]);
        Directory.CreateDirectory(Path.Combine(Root, "db"));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<Hw4DbContext>>().CreateDbContextAsync())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(OldCodesLastMigration);
            // Test constants only; the provider's tag literal differs (JSON text on SQLite, text[] on PostgreSQL).
            var insert =
                "INSERT INTO \"Runs\" (\"Id\", \"Kind\", \"Status\", \"CreatedAt\", \"EpochsDone\", \"Directory\", \"Tags\", \"IndexedAt\") " +
                $"VALUES ('old-run', 'train', 'completed', 639000000000000000, 2, '/mnt/host-a/hw4/runs/old-run', {TagsLiteral}, 639000000000000000)";
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        await Index.InitializeAsync();
        var row = Assert.Single(await Index.ListAsync());
        var options = Services.GetRequiredService<IOptions<Hw4Options>>().Value;

        Assert.Equal(("old-run", "completed", 2), (row.Id, row.Status, row.EpochsDone));
        Assert.Equal(["keep"], row.Tags);
        Assert.Null(row.Host);
        // Its folder is found from the id under this host's own mount of the artifacts folder.
        Assert.Equal(Path.Combine(ArtifactsDir, "old-run"), RunStorePaths.RunFolder(options, row.Id));
        Assert.True(File.Exists(Path.Combine(RunStorePaths.RunFolder(options, row.Id), Hw4.Ml.Runs.RunDirectory.RunFile)));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<Hw4DbContext>>().CreateDbContextAsync())
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await Index.RebuildAsync(ArtifactsDir));
        Assert.Equal(2, (await Index.GetAsync("old-run"))!.Epochs.Count);
    }

    [Fact]
    public async Task RebuildAsync_TwoHostsAtOnce_BothSucceedAndTheIndexHoldsEachRunOnce()
    {
        foreach (var id in new[] { "a", "b", "c" })
            Runs.Finished(id, "cnn", [1.5, 1.4]);
        await Index.InitializeAsync();
        // A second index on the same store, as a second host has.
        await using var other = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddSingleton(Services.GetRequiredService<IOptions<Hw4Options>>()).AddRunStore(scanAtStart: false).BuildServiceProvider();

        var counts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Index : other.GetRequiredService<RunIndex>()).RebuildAsync(ArtifactsDir)));

        Assert.All(counts, c => Assert.Equal(3, c));
        Assert.Equal(["a", "b", "c"], (await Index.ListAsync()).Select(r => r.Id).Order());
        Assert.Equal(6, (await Task.WhenAll(new[] { "a", "b", "c" }.Select(id => Index.GetAsync(id)))).Sum(r => r!.Epochs.Count));
    }
}

/// <summary>The index suite on SQLite (the embedded default), plus what only a file-backed index has.</summary>
public sealed class SqliteRunIndexTests : RunIndexContract
{
    private string DatabaseFile => Path.Combine(Root, "db", "hw4.db");

    protected override Task<Hw4Options> StoreOptionsAsync() => Task.FromResult(new Hw4Options { Database = DatabaseFile });

    protected override Task CleanUpStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    protected override string OldCodesLastMigration => "20261202062811_DenoiseRunColumns";

    protected override string TagsLiteral => "'[\"keep\"]'";

    [Fact]
    public async Task InitializeAsync_FileDatabase_IsInWalMode()
    {
        await Index.InitializeAsync();

        Assert.Equal("wal", await Index.JournalModeAsync());
    }

    [Fact]
    public async Task InitializeAsync_CorruptDatabaseFile_MovesItAsideAndRebuildsEveryRun()
    {
        Runs.Finished("a", "cnn", [1.5]);
        Runs.Finished("b", "residual", [1.4]);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        await File.WriteAllBytesAsync(DatabaseFile, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var aside = await Index.InitializeAsync();
        var count = await Index.RebuildAsync(ArtifactsDir);

        Assert.NotNull(aside);
        Assert.True(File.Exists(aside));
        Assert.Equal(2, count);
        Assert.Equal(["a", "b"], (await Index.ListAsync()).Select(r => r.Id).Order());
    }
}

/// <summary>The index suite on PostgreSQL, each test in a database of its own on the test server.</summary>
public sealed class PostgresRunIndexTests : RunIndexContract
{
    private readonly PostgresTestDatabase _database = new();

    protected override async Task<Hw4Options> StoreOptionsAsync() => new() { Postgres = await _database.CreateAsync() };

    protected override Task CleanUpStoreAsync() => _database.DropAsync();

    protected override string OldCodesLastMigration => "20261202191352_InitialPostgres";

    protected override string TagsLiteral => "ARRAY['keep']";

    [Fact]
    public async Task InitializeAsync_Postgres_CreatesTheJobQueueTableToo()
    {
        await Index.InitializeAsync();

        await using var db = Services.GetRequiredService<StoreContextFactory>().CreatePostgres();
        Assert.Equal(0, await db.Jobs.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
