using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// <c>Hw4.Dashboard reindex [--artifacts-dir DIR] [--database FILE]</c>: rebuilds the run index from the run folders
/// without starting the web server (also accepts the usual <c>--Hw4:ArtifactsDir</c> style settings).
/// </summary>
public static class ReindexCommand
{
    /// <summary>The verb.</summary>
    public const string Verb = "reindex";

    /// <summary>True when <paramref name="args"/> asks for a reindex.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs it; 0 on success, 2 on bad arguments or an unusable database path.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync("usage: reindex [--artifacts-dir DIR] [--database FILE]   rebuild the run index from run folders");
            return 0;
        }

        if (RetiredSettings.FindFlags(rest) is { Count: > 0 } renamed)
        {
            await stderr.WriteLineAsync($"reindex: {string.Join("; ", renamed)}");
            return 2;
        }

        // Settings come in "--name value" pairs; anything else is a typo worth naming.
        if (!SettingArguments.AreWellFormed(rest, Shortcuts().Keys))
        {
            await stderr.WriteLineAsync($"reindex: unexpected arguments '{string.Join(" ", rest)}'; use --artifacts-dir DIR and --database FILE.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddCommandLine(rest, Shortcuts());
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

    private static Dictionary<string, string> Shortcuts() => new()
    {
        ["--artifacts-dir"] = "Hw4:ArtifactsDir",
        ["--database"] = "Hw4:Database",
    };
}
