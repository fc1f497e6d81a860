namespace Hw4.Dashboard.Tests.Architecture;

/// <summary>
/// The folder graph of Hw4.Dashboard (docs/architecture.md): no folder may join a cycle, and the folders below the
/// features never reach up into pages, hosting or verbs. A failure names the types behind each edge of the cycle.
/// </summary>
public sealed class FolderDependencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // The bottom of the picture in docs/architecture.md: what every feature may use.
    private static readonly string[] Foundations =
        ["Configuration", "Arguments", "Store", "Features/Streaming", "Features/Queue", "Features/Sharing", "Features/Models", "Features/Device"];

    private static readonly string[] Top = ["Components", "Hosting", "Cli"];

    [Fact]
    public void FolderGraph_OfTheDashboard_HasNoCycle()
    {
        output.WriteLine(FolderGraph.Describe());
        var cycles = FolderGraph.Cycles();
        Assert.True(cycles.Count == 0, $"folders in a cycle:\n{string.Join("\n", cycles.Select(Explain))}\n\n{FolderGraph.Describe()}");
    }

    [Fact]
    public void Foundations_UseNoPageHostOrVerb()
    {
        var upward = Foundations
            .SelectMany(from => FolderGraph.All.GetValueOrDefault(from, new HashSet<string>()).Intersect(Top).SelectMany(to => FolderGraph.Why(from, to)))
            .ToList();
        Assert.True(upward.Count == 0, $"foundation types using pages, hosting or verbs:\n{string.Join("\n", upward)}");
    }

    [Fact]
    public void FolderOf_FeatureSubfolder_IsItsFeature()
    {
        Assert.Equal("Features/Queue", FolderGraph.FolderOf("Hw4.Dashboard.Features.Queue.Store"));
        Assert.Equal("Components", FolderGraph.FolderOf("Hw4.Dashboard.Components.Pages.Runs"));
        Assert.Equal("Store", FolderGraph.FolderOf("Hw4.Dashboard.Store.Migrations"));
        Assert.Null(FolderGraph.FolderOf("Hw4.Ml.Runs"));
    }

    [Fact]
    public void Why_AnEdgeOfTheGraph_NamesTheTypesBehindIt()
    {
        Assert.Contains(FolderGraph.Why("Features/Queue", "Store"), line => line.StartsWith("Features.Queue.Store.StoreJobQueue -> Store.", StringComparison.Ordinal));
    }

    // Every edge between two folders of the cycle, with the type uses that make it.
    private static string Explain(IReadOnlyList<string> cycle) =>
        string.Join("\n", cycle.SelectMany(from => cycle.Where(to => to != from && FolderGraph.All.GetValueOrDefault(from, new HashSet<string>()).Contains(to))
            .SelectMany(to => FolderGraph.Why(from, to).Select(line => $"  {from} -> {to}: {line}"))));
}
