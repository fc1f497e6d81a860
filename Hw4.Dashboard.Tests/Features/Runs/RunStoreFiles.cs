using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Hw4.Dashboard.Features.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Runs;

/// <summary>
/// A temp folder with a runs dir and a real SQLite index, and the services the runs list needs (index, notes, deleter,
/// queue) registered the way the app registers them. Tests write tiny run folders here with <see cref="WriteRun"/>.
/// </summary>
public sealed class RunStoreFiles : IDisposable
{
    /// <summary>The temp root.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("hw4-runstore-").FullName;

    /// <summary>The artifacts folder (Hw4:ArtifactsDir).</summary>
    public string ArtifactsDir => Path.Combine(Root, "runs");

    /// <summary>A PostgreSQL connection string: the index lives there instead of the SQLite file under <see cref="Root"/>.</summary>
    public string? Postgres { get; set; }

    /// <summary>Registers options, the store (without the start-up scan), the queue and the notifier.</summary>
    public IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new Hw4Options { ArtifactsDir = ArtifactsDir, Database = Path.Combine(Root, "db", "hw4.db"), Postgres = Postgres, Device = "cpu" }));
        services.AddSingleton(Options.Create(new StreamingOptions()));
        services.AddSingleton(Options.Create(new QueueOptions()));
        services.AddSingleton<RunEventNotifier>();
        services.AddSingleton(sp => Hw4.Dashboard.Configuration.DataLocator.FromOptions(sp.GetRequiredService<IOptions<Hw4Options>>().Value));
        services.TryAddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRunQueue();
        services.AddTrainingJobs();
        services.AddSingleton<Hw4.Dashboard.Features.Training.TrainingLauncher>();
        services.AddRunStore(scanAtStart: false);
        // The page listens to the updater for changes; it is not started, so it never writes.
        services.AddSingleton<RunIndexUpdater>();
        return services;
    }

    /// <summary>
    /// Writes <c>runs/&lt;id&gt;/</c> with Hw4.Ml's own writer: queued, then moved to <paramref name="status"/> the way
    /// a run gets there, with one epoch event per value of <paramref name="valLosses"/>, notes.json for the tags and a
    /// checkpoint file (so a delete has something nested to remove); returns the folder. A started run names
    /// <paramref name="host"/> as its training host when given.
    /// </summary>
    public string WriteRun(string id, string model = "cnn", string status = "completed", string? message = null, string createdUtc = "2026-11-27T07:00:00+00:00",
        IReadOnlyList<string>? tags = null, RunOwner? owner = null, string? host = null, params double[] valLosses)
    {
        var created = DateTimeOffset.Parse(createdUtc, System.Globalization.CultureInfo.InvariantCulture);
        var target = RunStatusNames.Parse(status) ?? throw new ArgumentException($"unknown status {status}", nameof(status));
        var dir = RunDirectory.Create(ArtifactsDir, new RunRecord
        {
            Id = id,
            Config = new TrainerOptions { Model = ModelFactory.ParseKind(model), Epochs = 2 },
            CreatedUtc = created,
            QueuedUtc = created,
        });
        if (target != RunStatus.Queued)
            dir.Transition(RunStatus.Running, r => r with { Owner = owner ?? RunOwner.Current(), StartedUtc = created, Host = host });
        for (var e = 1; e <= valLosses.Length; e++)
            dir.AppendMetric(new EpochCompleted(id, e, valLosses[e - 1] + 0.1, valLosses[e - 1], 0.5, 10, 1000));
        if (target is not (RunStatus.Queued or RunStatus.Running))
            dir.Transition(target, r => r with { Message = message, Owner = null, FinishedUtc = created.AddMinutes(5) });
        if (tags is not null)
            dir.WriteNotes(new RunNotes { Tags = tags, UpdatedUtc = created });
        Directory.CreateDirectory(dir.CheckpointsDir);
        File.WriteAllBytes(Path.Combine(dir.CheckpointsDir, "model_1.params"), [1, 2, 3]);
        return dir.Path;
    }

    /// <summary>Migrates and rebuilds the index from the artifacts folder.</summary>
    public static async Task<int> ReindexAsync(IServiceProvider services)
    {
        var index = services.GetRequiredService<RunIndex>();
        await index.InitializeAsync();
        return await index.RebuildAsync(RunStorePaths.ArtifactsDir(services.GetRequiredService<IOptions<Hw4Options>>().Value));
    }

    /// <summary>Index rows (the run plus its epochs) of run <paramref name="id"/>, counted with a fresh context.</summary>
    public static async Task<int> RowCountAsync(IServiceProvider services, string id)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<Hw4DbContext>>().CreateDbContextAsync();
        return await db.Runs.CountAsync(r => r.Id == id) + await db.Epochs.CountAsync(e => e.RunId == id);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
