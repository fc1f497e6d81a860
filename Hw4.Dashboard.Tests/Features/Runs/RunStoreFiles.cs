using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The runs folder (Hw4:RunsDir).</summary>
    public string RunsDir => Path.Combine(Root, "runs");

    /// <summary>Registers options, the store (without the start-up scan), the queue and the notifier.</summary>
    public IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new Hw4Options { RunsDir = RunsDir, Database = Path.Combine(Root, "db", "hw4.db"), Device = "cpu" }));
        services.AddSingleton(Options.Create(new StreamingOptions()));
        services.AddSingleton(Options.Create(new QueueOptions()));
        services.AddSingleton<RunEventNotifier>();
        services.AddSingleton<RunQueue>();
        services.AddRunStore(scanAtStart: false);
        // The page listens to the updater for changes; it is not started, so it never writes.
        services.AddSingleton<RunIndexUpdater>();
        return services;
    }

    /// <summary>Writes <c>runs/&lt;id&gt;/run.json</c> (trainer format) and optional metrics lines; returns the folder.</summary>
    public string WriteRun(string id, string model = "cnn", string status = "completed", string? message = null, string createdUtc = "2026-11-27T07:00:00+00:00",
        IReadOnlyList<string>? tags = null, params string[] metrics)
    {
        var dir = Directory.CreateDirectory(Path.Combine(RunsDir, id)).FullName;
        var tagJson = string.Join(",", (tags ?? []).Select(t => $"\"{t}\""));
        var messageJson = message is null ? "null" : $"\"{message}\"";
        File.WriteAllText(Path.Combine(dir, RunDirectory.RunFile),
            $$"""{"id":"{{id}}","model":"{{model}}","status":"{{status}}","config":{"model":"{{model}}","epochs":2},"message":{{messageJson}},"created_utc":"{{createdUtc}}","tags":[{{tagJson}}]}""");
        File.WriteAllLines(Path.Combine(dir, RunDirectory.MetricsFile), metrics);
        // A checkpoint, so a delete has something nested to remove.
        Directory.CreateDirectory(Path.Combine(dir, "checkpoints"));
        File.WriteAllBytes(Path.Combine(dir, "checkpoints", "model_1.params"), [1, 2, 3]);
        return dir;
    }

    /// <summary>Migrates and rebuilds the index from the runs folder.</summary>
    public static async Task<int> ReindexAsync(IServiceProvider services)
    {
        var index = services.GetRequiredService<RunIndex>();
        await index.InitializeAsync();
        return await index.RebuildAsync(RunStorePaths.RunsDir(services.GetRequiredService<IOptions<Hw4Options>>().Value));
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
