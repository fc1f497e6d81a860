using Bunit;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Components.Charts;

/// <summary>The confusion heatmap as the run page renders it: what the Plotly trace receives.</summary>
public sealed class HeatmapTests : MudBunitTest, IDisposable
{
    private readonly string _artifactsDir = Directory.CreateTempSubdirectory("hw4-heatmap-").FullName;

    public void Dispose() => Directory.Delete(_artifactsDir, recursive: true);

    [Fact]
    public void Render_ConfusionOfARun_TraceGetsClassNamesOnBothAxesAndCounts()
    {
        var dir = new RunFolderBuilder(_artifactsDir).Finished("h1", "cnn", [1.0], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        var view = EvaluationView.Create("h1", RunDirectory.Open(dir.Path).ReadEvaluation()!);

        var cut = Context.Render<RunEvaluationSection>(p => p.Add(s => s.RunId, "h1").Add(s => s.View, view));

        var trace = cut.FindComponent<Heatmap>().Instance.Trace;
        Assert.Equal(RunFolderBuilder.Classes, trace.X!.Cast<string>());
        Assert.Equal(RunFolderBuilder.Classes, trace.Y!.Cast<string>());
        var text = Assert.IsType<string[][]>(trace.Text);
        Assert.Equal("5<br>83%", text[0][0]);
        Assert.Equal("2<br>50%", text[1][0]);
        Assert.Equal("4<br>100%", text[2][2]);
        Assert.Equal("%{text}", trace.TextTemplate);
        Assert.Contains("Worst class: dog (50.0% right), most often taken for cat (50.0% of its images).", cut.Find("[data-testid=worst-class]").TextContent);
        var img = cut.Find("[data-testid=gallery] img");
        Assert.Equal("runs/h1/files/examples/0.png", img.GetAttribute("src"));
        Assert.Contains("true dog → pred cat (75.0%)", cut.Find("[data-testid=gallery] figcaption").TextContent);
    }

    [Fact]
    public void Render_PerClassBars_OneBarPerClassWithPercentLabels()
    {
        var data = BarChartData.PerClassAccuracy(["cat", "dog"], new Dictionary<string, double> { ["cat"] = 0.5, ["dog"] = 0.25 });

        var cut = Context.Render<BarChart>(p => p.Add(b => b.Data, data));

        var bar = Assert.Single(cut.Instance.Traces);
        Assert.Equal(["cat", "dog"], bar.X!.Cast<string>());
        Assert.Equal([0.5, 0.25], bar.Y!.Cast<double>());
        Assert.Equal(["50.0%", "25.0%"], bar.TextArray!);
    }
}
