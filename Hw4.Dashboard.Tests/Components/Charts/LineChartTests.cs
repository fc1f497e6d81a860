using Bunit;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Features.Charts;
using System.Text.Json;

namespace Hw4.Dashboard.Tests.Components.Charts;

/// <summary>What a live line chart asks Plotly to do in the browser when its layout changes.</summary>
public sealed class LineChartTests : MudBunitTest
{
    private List<JSRuntimeInvocation> PlotlyCalls() =>
        [.. Context.JSInterop.Invocations.Where(i => i.Identifier is "newPlot" or "react" or "relayout" or "extendTraces")];

    [Fact]
    public void MarkerMoves_RedrawnThroughReactWithTheModelsPoints_NeverRelayoutWhichDropsTheUsersZoom()
    {
        var model = new LiveChartModel([new ChartSeries("val loss")]);
        model.Add(0, 1, 2.5);
        model.Add(0, 2, 2.0);
        var cut = Context.Render<LineChart>(p => p.Add(c => c.Model, model));
        cut.WaitForAssertion(() => Assert.Contains(PlotlyCalls(), i => i.Identifier == "react"));
        var before = PlotlyCalls().Count;

        cut.Render(p => p.Add(c => c.MarkerX, 2).Add(c => c.MarkerText, "best epoch 2"));

        // Plotly.relayout with the whole layout resets a zoomed axis; react keeps it (uirevision). React replaces the
        // data too, so it carries every point of the model, not an empty trace.
        var react = Assert.Single(PlotlyCalls().Skip(before));
        Assert.Equal("react", react.Identifier);
        // The arguments as they go to the browser (Plotly.Blazor hands over plain objects).
        var layout = JsonDocument.Parse(JsonSerializer.Serialize(react.Arguments[2])).RootElement;
        Assert.Equal(2.0, layout.GetProperty("shapes")[0].GetProperty("x0").GetDouble());
        Assert.Equal("best epoch 2", layout.GetProperty("annotations")[0].GetProperty("text").GetString());
        var trace = JsonDocument.Parse(JsonSerializer.Serialize(react.Arguments[1])).RootElement[0];
        Assert.Equal([1.0, 2.0], trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([2.5, 2.0], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }
}
