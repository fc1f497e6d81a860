using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Features.Runs;

public sealed class RunIndexTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-index-").FullName;
    private ServiceProvider _services = default!;

    private string RunsDir => Path.Combine(_root, "runs");

    private RunIndex Index => _services.GetRequiredService<RunIndex>();

    public Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContextFactory<Hw4DbContext>(db => db.UseSqlite($"Data Source={Path.Combine(_root, "db", "hw4.db")}"));
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

    private string WriteRun(string id, string runJson, params string[] metrics)
    {
        var dir = Directory.CreateDirectory(Path.Combine(RunsDir, id)).FullName;
        File.WriteAllText(Path.Combine(dir, RunFolder.RunFile), runJson);
        File.WriteAllLines(Path.Combine(dir, RunFolder.MetricsFile), metrics);
        return dir;
    }

    [Fact]
    public async Task RebuildAsync_RunFolders_RoundTripThroughSqlite()
    {
        WriteRun("20261127-cnn", """{"runId":"20261127-cnn","model":"cnn","epochs":3,"createdAt":"2026-11-27T05:00:00Z"}""",
            """{"type":"batch","epoch":1,"batch":1,"loss":2.31}""",
            """{"type":"epochCompleted","epoch":1,"trainLoss":2.0,"valLoss":1.8,"valAccuracy":0.31,"seconds":12.5,"imagesPerSecond":3600}""",
            """{"type":"epochCompleted","epoch":2,"trainLoss":1.6,"valLoss":1.5,"valAccuracy":0.45,"seconds":12.1,"imagesPerSecond":3700}""",
            "{ this line is damaged");
        var older = WriteRun("20261126-res", """{"model":"residual","epochs":1,"createdAt":"2026-11-26T05:00:00Z"}""",
            """{"epoch":1,"train_loss":1.2,"val_loss":1.1}""");
        File.WriteAllText(Path.Combine(older, RunFolder.EvaluationFile), """{"accuracy":0.61,"loss":1.1}""");
        Directory.CreateDirectory(Path.Combine(RunsDir, "not-a-run"));

        await Index.InitializeAsync();
        var count = await Index.RebuildAsync(RunsDir);
        var list = await Index.ListAsync();
        var cnn = await Index.GetAsync("20261127-cnn");

        Assert.Equal(2, count);
        Assert.Equal(["20261127-cnn", "20261126-res"], list.Select(r => r.Id));
        Assert.NotNull(cnn);
        Assert.Equal("cnn", cnn.Model);
        Assert.Equal(3, cnn.EpochsPlanned);
        Assert.Equal([1, 2], cnn.Epochs.Select(e => e.Epoch));
        Assert.Equal(1.5, cnn.Epochs[1].ValLoss);
        Assert.Equal(3700, cnn.Epochs[1].ImagesPerSecond);
        Assert.Equal(2, cnn.BestEpoch);
        var res = list[1];
        Assert.Equal(0.61, res.TestAccuracy);
        Assert.Equal("finished", res.Status);
        Assert.Equal(1.1, res.BestValLoss);
        Assert.Equal("wal", await Index.JournalModeAsync());
    }

    [Fact]
    public async Task UpsertAsync_RunGainsEpochs_ReplacesItsRow()
    {
        var dir = WriteRun("r", """{"model":"cnn","epochs":2}""", """{"epoch":1,"trainLoss":2.0,"valLoss":1.9}""");
        await Index.InitializeAsync();
        await Index.RebuildAsync(RunsDir);

        File.AppendAllLines(Path.Combine(dir, RunFolder.MetricsFile), ["""{"epoch":2,"trainLoss":1.0,"valLoss":0.9}"""]);
        await Index.UpsertAsync(dir);
        var run = await Index.GetAsync("r");

        Assert.Equal(2, run!.EpochsDone);
        Assert.Equal(0.9, run.BestValLoss);
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
    public async Task RebuildAsync_TrainerSnakeCaseFormat_ReadsNestedConfigStatusAndRunningLoss()
    {
        var dir = WriteRun("20261127-070000-cnn",
            """{"id":"20261127-070000-cnn","model":"cnn","status":"completed","config":{"model":"cnn","epochs":2,"batch_size":64},"best_epoch":2,"created_utc":"2026-11-27T07:00:00+00:00"}""",
            """{"type":"batch","run_id":"20261127-070000-cnn","epoch":1,"batch":20,"batches_per_epoch":40,"global_step":20,"running_loss":2.2,"images_per_second":800,"eta_seconds":30}""",
            """{"type":"epoch","run_id":"20261127-070000-cnn","epoch":1,"train_loss":2.1,"val_loss":2.0,"val_accuracy":0.25,"seconds":10,"images_per_second":820}""",
            """{"type":"epoch","run_id":"20261127-070000-cnn","epoch":2,"train_loss":1.8,"val_loss":1.7,"val_accuracy":0.35,"seconds":10,"images_per_second":830}""",
            """{"type":"finished","run_id":"20261127-070000-cnn","best_epoch":2,"best_val_loss":1.7}""");
        File.WriteAllText(Path.Combine(dir, RunFolder.EvaluationFile), """{"checkpoint":"checkpoints/model_2.params","epoch":2,"images":10000,"accuracy":0.41}""");

        await Index.InitializeAsync();
        await Index.RebuildAsync(RunsDir);
        var run = await Index.GetAsync("20261127-070000-cnn");

        Assert.Equal("finished", run!.Status);
        Assert.Equal(2, run.EpochsPlanned);
        Assert.Equal([1, 2], run.Epochs.Select(e => e.Epoch));
        Assert.Equal(0.35, run.Epochs[1].ValAccuracy);
        Assert.Equal(0.41, run.TestAccuracy);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero), run.CreatedAt);
        Assert.Equal([(20.0, 2.2)], RunFolder.ReadBatchLosses(dir));
    }

    [Fact]
    public async Task RebuildAsync_NaNValidationLoss_IsStoredAsMissing()
    {
        WriteRun("nan-run", """{"model":"cnn","epochs":1}""",
            """{"type":"epoch","epoch":1,"train_loss":2.3,"val_loss":"NaN","val_accuracy":0.1}""");
        await Index.InitializeAsync();

        await Index.RebuildAsync(RunsDir);
        var run = await Index.GetAsync("nan-run");

        Assert.Null(Assert.Single(run!.Epochs).ValLoss);
        Assert.Null(run.BestValLoss);
    }
}
