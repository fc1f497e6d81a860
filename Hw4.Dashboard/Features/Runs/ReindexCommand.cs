using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// What <c>Hw4.Dashboard reindex [--artifacts-dir DIR] [--database FILE]</c> does (the verb is
/// <c>Cli/Verbs/ReindexVerb</c>): rebuilds the run index from the run folders without starting the web server.
/// </summary>
public static class ReindexCommand
{
    /// <summary>
    /// Rebuilds the index with <paramref name="settings"/> (<c>--Hw4:Key value</c> pairs, as the <c>reindex</c> verb
    /// maps its options); 0 on success, 2 on a retired setting or an unusable database path.
    /// </summary>
    public static async Task<int> RunAsync(string[] settings, TextWriter stdout, TextWriter stderr)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddCommandLine(settings);
        builder.Logging.ClearProviders();
        if (RetiredSettings.Find(builder.Configuration) is { Count: > 0 } retired)
        {
            await stderr.WriteLineAsync($"reindex: {string.Join("; ", retired)}");
            return 2;
        }

        builder.Services.AddOptions<Hw4Options>().BindConfiguration(Hw4Options.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRunStore(scanAtStart: false);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<Hw4Options>>().Value;
        var index = host.Services.GetRequiredService<RunIndex>();
        var artifactsDir = RunStorePaths.ArtifactsDir(options);
        var database = options.UsesPostgres ? "PostgreSQL (Hw4:Postgres)" : RunStorePaths.DatabaseFile(options);
        try
        {
            await index.InitializeAsync();
            var count = await index.RebuildAsync(artifactsDir);
            await stdout.WriteLineAsync($"Indexed {count} run(s) from {artifactsDir} into {database}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await stderr.WriteLineAsync($"reindex: cannot use database '{database}': {e.Message}");
            return 2;
        }
    }
}
