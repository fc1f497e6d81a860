using Bunit;
using Hw4.Dashboard.Components.Runs;

namespace Hw4.Dashboard.Tests.Components.Runs;

public sealed class ExportLinksTests : MudBunitTest
{
    [Fact]
    public void Render_RunWithCheckpoint_LinksEveryFormatToTheExportEndpoint()
    {
        var cut = Context.Render<ExportLinks>(p => p.Add(a => a.RunIds, ["run-1"]).Add(a => a.HasCheckpoint, true));

        var links = cut.FindAll("[data-testid=export-links] a");
        Assert.Equal(["json", "csv", "html", "pt"], links.Select(a => a.GetAttribute("data-format")));
        Assert.Equal("api/runs/run-1/export?format=html", links[2].GetAttribute("href"));
        Assert.All(links, a => Assert.False(string.IsNullOrEmpty(a.GetAttribute("download"))));
    }

    [Fact]
    public void Render_RunWithoutCheckpoint_OffersNoStateDict()
    {
        var cut = Context.Render<ExportLinks>(p => p.Add(a => a.RunIds, ["run-1"]));

        Assert.DoesNotContain(cut.FindAll("[data-testid=export-links] a"), a => a.GetAttribute("data-format") == "pt");
    }

    [Fact]
    public void Render_Comparison_LinksOneReportOfAllRuns()
    {
        var cut = Context.Render<ExportLinks>(p => p.Add(a => a.RunIds, ["a", "b"]));

        var link = Assert.Single(cut.FindAll("[data-testid=export-links] a"));
        Assert.Equal("api/compare/export?runs=a%2Cb&format=html", link.GetAttribute("href"));
    }
}
