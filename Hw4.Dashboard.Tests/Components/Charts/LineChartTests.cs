using Bunit;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Features.Charts;
using System.Text.Json;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Hw4.Dashboard.Tests.Components.Charts;

/// <summary>What a line chart hands Plotly for its first draw, after it, and when its layout changes.</summary>
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
        cut.WaitForAssertion(() => Assert.Contains(PlotlyCalls(), i => i.Identifier is "newPlot" or "react"));
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

    [Fact]
    public void Render_ModelWithPoints_FirstDrawHoldsThemAndNothingIsLeftToSend()
    {
        var model = new LiveChartModel([new ChartSeries("train"), new ChartSeries("val")]);
        for (var i = 0; i < 5; i++)
            model.Add(0, i, 2.0 - i * 0.1);
        model.Add(1, 4, 1.5);

        var cut = Context.Render<LineChart>(p => p.Add(c => c.Model, model).Add(c => c.Title, "Loss"));

        // The traces PlotlyChart passes to Plotly.newPlot on its first render.
        var traces = cut.FindComponent<PlotlyChart>().Instance.Data.Cast<Scatter>().ToList();
        Assert.Equal([0.0, 1, 2, 3, 4], traces[0].X!.Cast<double>());
        Assert.Equal([2.0, 1.9, 1.8, 1.7, 1.6], traces[0].Y!.Cast<double>().Select(y => Math.Round(y, 9)));
        Assert.Equal([4.0], traces[1].X!.Cast<double>());
        // No redraw of the same points after that draw: only later points are still to go (appended).
        Assert.True(model.TakeUpdate().IsEmpty);
        model.Add(0, 5, 1.5);
        var later = model.TakeUpdate();
        Assert.False(later.Redraw);
        Assert.Equal([5.0], later.X.Single());
    }

    [Fact]
    public async Task Render_FirstDrawSent_FirstDrawnCalledOnce()
    {
        var model = new LiveChartModel([new ChartSeries("train")]);
        var drawn = 0;

        var cut = Context.Render<LineChart>(p => p.Add(c => c.Model, model).Add(c => c.FirstDrawn, () => drawn++));

        cut.WaitForAssertion(() => Assert.Equal(1, drawn));
        await cut.InvokeAsync(() => cut.Instance.RefreshAsync());
        Assert.Equal(1, drawn);
    }
}
