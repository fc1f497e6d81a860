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

    [Fact]
    public async Task Render_NoPointYet_NoAxesButItsEmptyText_FirstPointsRedrawWithAxesAndWithoutTheText()
    {
        var model = new LiveChartModel([new ChartSeries("train"), new ChartSeries("val")]);
        var cut = Context.Render<LineChart>(p => p.Add(c => c.Model, model).Add(c => c.Title, "Loss per epoch").Add(c => c.EmptyText, "Appears after the first epoch."));
        cut.WaitForAssertion(() => Assert.Contains(PlotlyCalls(), i => i.Identifier == "newPlot"));

        // Empty: the axes' default ranges (−1…6) would read as data; the chart says what will come instead.
        var first = cut.FindComponent<PlotlyChart>().Instance.Layout;
        Assert.False(first.XAxis[0].Visible);
        Assert.False(first.YAxis[0].Visible);
        Assert.Equal("Appears after the first epoch.", Assert.Single(first.Annotations).Text);

        model.Add(0, 1, 2.3);
        model.Add(1, 1, 2.2);
        var before = PlotlyCalls().Count;
        await cut.InvokeAsync(() => cut.Instance.RefreshAsync());

        // The first points come as a whole redraw (the layout changes too), never appended to an axis-less plot.
        var react = Assert.Single(PlotlyCalls().Skip(before));
        Assert.Equal("react", react.Identifier);
        var layout = JsonDocument.Parse(JsonSerializer.Serialize(react.Arguments[2])).RootElement;
        Assert.True(layout.GetProperty("xaxis").GetProperty("visible").GetBoolean());
        Assert.True(layout.GetProperty("yaxis").GetProperty("visible").GetBoolean());
        Assert.Empty(layout.GetProperty("annotations").EnumerateArray());
        var traces = JsonDocument.Parse(JsonSerializer.Serialize(react.Arguments[1])).RootElement;
        Assert.Equal([2.3], traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Render_SeriesOnTheSecondAxis_DrawnAgainstARightHandAxisOfItsOwn()
    {
        // L1's loss near 3e7 and L2's near 7e8: on one axis L1 would be a flat line at the bottom.
        var model = new LiveChartModel([new ChartSeries("L1"), new ChartSeries("L2", SecondAxis: true)]);
        model.Add(0, 1, 3e7);
        model.Add(1, 1, 7e8);

        var cut = Context.Render<LineChart>(p => p.Add(c => c.Model, model).Add(c => c.YTitle, "L1 loss").Add(c => c.Y2Title, "L2 loss").Add(c => c.LogY, true));

        var chart = cut.FindComponent<PlotlyChart>().Instance;
        var traces = chart.Data.Cast<Scatter>().ToList();
        Assert.Null(traces[0].YAxis);
        Assert.Equal("y2", traces[1].YAxis);
        Assert.Equal(2, chart.Layout.YAxis.Count);
        var right = chart.Layout.YAxis[1];
        Assert.Equal("y", right.Overlaying);
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right, right.Side);
        Assert.Equal("L2 loss", right.Title.Text);
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log, right.Type);
        Assert.Equal("L1 loss", chart.Layout.YAxis[0].Title.Text);
        Assert.True(chart.Layout.YAxis[0].Visible is null or true);
        Assert.True(right.Visible is null or true);
    }
}
