using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Hosting;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Dashboard.Tests.Hosting;
using Hw4.Dashboard.Tests.Recovery;
using Microsoft.Extensions.Configuration;

namespace Hw4.Dashboard.Tests.Configuration;

/// <summary>
/// <c>Hw4:RunsDir</c> was renamed <c>Hw4:ArtifactsDir</c>: wherever the old key is still set (appsettings, environment,
/// command line) or the old <c>--runs-dir</c> flag is given, the host or verb stops at start naming both spellings, and
/// never trains into (or lists) the default folder instead.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class RetiredSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-retired-").FullName;

    private string OldFolder => Path.Combine(_root, "old-runs");

    [Fact]
    public void Find_OldKeyInAppsettingsJson_NamesTheOldAndTheNewKey()
    {
        var json = Path.Combine(_root, "appsettings.json");
        File.WriteAllText(json, """{ "Hw4": { "RunsDir": "/srv/hw4/runs" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(json).Build();

        var message = Assert.Single(RetiredSettings.Find(configuration));

        Assert.Contains("Hw4:RunsDir", message);
        Assert.Contains("Hw4:ArtifactsDir", message);
        Assert.Contains("Hw4__ArtifactsDir", message);
    }

    [Fact]
    public void Find_OnlyTheNewKey_FindsNothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hw4:ArtifactsDir"] = "/srv/hw4/runs" }).Build();

        Assert.Empty(RetiredSettings.Find(configuration));
    }

    [Fact]
    public async Task WebServer_OldKeyInTheEnvironment_ExitsWith2NamingBothKeysWithoutStarting()
    {
        var environment = new Dictionary<string, string> { ["Hw4__RunsDir"] = OldFolder };
        await using var server = ServerProcess.Start(_root, ServerProcess.FreePort(), environment,
            "--Hw4:Database", Path.Combine(_root, "hw4.db"), "--Hw4:ArtifactsDir", Path.Combine(_root, "runs"));

        var code = await server.WaitForExitAsync();

        Assert.True(code == 2, server.Output);
        Assert.Contains("Hw4:RunsDir was renamed Hw4:ArtifactsDir", server.Output);
        Assert.False(Directory.Exists(OldFolder));
    }

    [Fact]
    public async Task Worker_OldKeyOnTheCommandLine_ExitsWith2NamingBothKeys()
    {
        var run = await Hw4.Dashboard.Tests.Cli.CliRun.RunAsync("worker", "--Hw4:RunsDir", OldFolder, "--Hw4:Postgres", "Host=127.0.0.1;Database=not_used");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Hw4:RunsDir was renamed Hw4:ArtifactsDir", string.Join("\n", run.StderrLines));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Reindex_OldKeyOrOldFlag_ExitsWith2NamingTheNewOne()
    {
        var database = Path.Combine(_root, "hw4.db");

        var byKey = await Hw4.Dashboard.Tests.Cli.CliRun.RunAsync("reindex", "--Hw4:RunsDir", OldFolder, "--database", database);
        var byFlag = await Hw4.Dashboard.Tests.Cli.CliRun.RunAsync("reindex", "--runs-dir", OldFolder, "--database", database);

        Assert.Equal((2, 2), (byKey.ExitCode, byFlag.ExitCode));
        Assert.Contains("Hw4:RunsDir was renamed Hw4:ArtifactsDir", string.Join("\n", byKey.StderrLines));
        Assert.Contains("--runs-dir was renamed --artifacts-dir", string.Join("\n", byFlag.StderrLines));
        Assert.False(File.Exists(database));
    }

    [Theory]
    [InlineData("export", "--run", "r1", "--format", "json", "--out", "x.json", "--runs-dir", "old")]
    [InlineData("train", "--model", "cnn", "--runs-dir=old")]
    public async Task Verb_OldFlag_ExitsWith2NamingTheNewFlag(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: --runs-dir was renamed --artifacts-dir; use --artifacts-dir DIR (the same folder of run folders)."], run.StderrLines);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
