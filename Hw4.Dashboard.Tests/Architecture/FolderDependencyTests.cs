namespace Hw4.Dashboard.Tests.Architecture;

/// <summary>The folder graph of Hw4.Dashboard has no cycle (docs/architecture.md).</summary>
public sealed class FolderDependencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void FolderGraph_OfTheDashboard_HasNoCycle()
    {
        output.WriteLine(FolderGraph.Describe());
        var cycles = FolderGraph.Cycles();
        Assert.True(cycles.Count == 0,
            $"folders that use each other: {string.Join("; ", cycles.Select(c => string.Join(" <-> ", c)))}\n{FolderGraph.Describe()}");
    }
}
