using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// <c>Hw4.Dashboard reindex [--runs-dir DIR] [--database FILE]</c>: rebuilds the run index from the run folders
/// without starting the web server (also accepts the usual <c>--Hw4:RunsDir</c> style settings).
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
            await stdout.WriteLineAsync("usage: reindex [--runs-dir DIR] [--database FILE]   rebuild the run index from run folders");
            return 0;
        }

        // Settings come in "--name value" pairs; anything else is a typo worth naming.
        if (!SettingArguments.AreWellFormed(rest, Shortcuts().Keys))
        {
            await stderr.WriteLineAsync($"reindex: unexpected arguments '{string.Join(" ", rest)}'; use --runs-dir DIR and --database FILE.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddCommandLine(rest, Shortcuts());
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<Hw4Options>().BindConfiguration(Hw4Options.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRunStore(scanAtStart: false);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<Hw4Options>>().Value;
        var index = host.Services.GetRequiredService<RunIndex>();
        var runsDir = RunStorePaths.RunsDir(options);
        var database = options.UsesPostgres ? "PostgreSQL (Hw4:Postgres)" : RunStorePaths.DatabaseFile(options);
        try
        {
            await index.InitializeAsync();
            var count = await index.RebuildAsync(runsDir);
            await stdout.WriteLineAsync($"Indexed {count} run(s) from {runsDir} into {database}");
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
        ["--runs-dir"] = "Hw4:RunsDir",
        ["--database"] = "Hw4:Database",
    };
}
