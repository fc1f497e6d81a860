using System.Text.RegularExpressions;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Tests.Integration;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// compose.yaml cannot be run here (no Docker engine); <see cref="TeamDeploymentTests"/> starts its topology as plain
/// processes. These checks keep the two in step: the same roles, and only settings the app reads.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "compose.yaml"));

    // The lines of one top-level service (two-space indent) up to the next one.
    private static string Service(string name)
    {
        var match = Regex.Match(Compose, $@"^  {Regex.Escape(name)}:\n(?<body>(?:(?:    .*)?\n)*)", RegexOptions.Multiline);
        Assert.True(match.Success, $"compose.yaml has no service '{name}'");
        return match.Groups["body"].Value;
    }

    [Fact]
    public void Services_AreTheTestsTopology_TwoPageOnlyInstancesAndANamedWorkerOnOneStoreAndOneRedis()
    {
        Service("postgres");
        Service("redis");
        Assert.Contains("Hw4__Train: \"false\"", Service("web-a"));
        Assert.Contains("Hw4__Train: \"false\"", Service("web-b"));
        Assert.Matches(@"command: \[""worker"",.*""--name"", ""[^""]+""\]", Service("worker"));
        Assert.Contains("--device\", \"cuda\"", Service("worker"));
        Assert.Contains("HW4_CUDA: \"true\"", Service("worker"));
        // Every host gets the store and the artifacts folder from the shared block.
        Assert.Matches(@"Hw4__Postgres: ""Host=postgres;", Compose);
        Assert.Contains("Hw4__Redis: \"redis:6379\"", Compose);
        Assert.Contains("redis: { condition: service_healthy }", Compose);
        Assert.Contains("Hw4__ArtifactsDir: /var/lib/hw4/runs", Compose);
        Assert.Contains("- artifacts:/var/lib/hw4", Compose);
    }

    [Fact]
    public void Settings_EveryHw4VariableNamesAnOptionTheAppReads()
    {
        var known = typeof(Hw4Options).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = SettingPattern().Matches(Compose).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(known.Contains(name), $"compose.yaml sets Hw4__{name}, which Hw4Options does not have"));
    }

    [GeneratedRegex(@"\bHw4__([A-Za-z]+)\b")]
    private static partial Regex SettingPattern();
}
