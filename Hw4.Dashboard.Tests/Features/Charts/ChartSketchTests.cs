using System.Globalization;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Charts;

/// <summary>The server-drawn batch curve: the same points as the chart (spikes kept), round ticks inside the data's range, nothing non-finite drawn.</summary>
public sealed partial class ChartSketchTests
{
    [Fact]
    public void Of_LongSeriesWithASpike_DownsampledToTheColumnsWithTheSpikeAtTheTop()
    {
        var model = new LossChartModel(smoothing: 0.9);
        for (var step = 1; step <= 10_000; step++)
            model.AddBatch(new BatchProgress("r", 1, step, 10_000, step, step == 4_321 ? 9.0 : 2.0 - step * 0.0001, 0, 900, 0));

        var sketch = ChartSketch.Of(model, "Loss per batch", "step", "loss", columns: 300)!;

        var (raw, smoothed) = (sketch.Traces[0], sketch.Traces[1]);
        Assert.Equal(("loss (raw)", "loss (smoothed)"), (raw.Name, smoothed.Name));
        Assert.InRange(raw.Points, 250, 600);
        Assert.Equal(300, smoothed.Points);
        Assert.Equal(raw.Points, Coordinates(raw.PathData).Count);
        // y is drawn downwards from the top of a 0–1000 square: the spike, the largest value, is at 0.
        Assert.Contains(Coordinates(raw.PathData), p => p.Y == 0);
        Assert.All(Coordinates(raw.PathData), p => Assert.InRange(p.X, 0, ChartSketch.Extent));
        Assert.Equal((0, ChartSketch.Extent), (Coordinates(raw.PathData)[0].X, Coordinates(raw.PathData)[^1].X));
        Assert.Equal(ChartSummary.Of(model, "step"), sketch.Summary);
    }

    [Fact]
    public void Of_TicksAreRoundValuesInsideTheDataAtTheirPlace()
    {
        var model = new LossChartModel();
        model.AddBatch(new BatchProgress("r", 1, 1, 3, 1, 2.71, 0, 900, 0));
        model.AddBatch(new BatchProgress("r", 1, 2, 3, 2, 0.23, 0, 900, 0));
        model.AddBatch(new BatchProgress("r", 1, 3, 3, 3, 1.10, 0, 900, 0));

        var sketch = ChartSketch.Of(model, "Loss per batch", "step", "loss")!;

        // The raw trace spans 0.23–2.71 (the EMA lies inside): ticks every 0.5 from 0.5 to 2.5.
        Assert.Equal(["0.5", "1", "1.5", "2", "2.5"], sketch.YTicks.Select(t => t.Label));
        Assert.Equal(100 * (1.5 - 0.23) / (2.71 - 0.23), sketch.YTicks[2].Percent, 2);
        Assert.All(sketch.XTicks, t => Assert.InRange(t.Percent, 0, 100));
    }

    [Fact]
    public void Of_EpochAxisWithATickStep_TicksOnWholeEpochsOnly()
    {
        var model = new LiveChartModel([new ChartSeries("val accuracy", "#4caf50", Markers: true)]);
        model.Add(0, 1, 18.8);
        model.Add(0, 2, 31.2);

        // Round ticks over 1–2 would be 1, 1.2, … 2: epochs 1.2 to 1.8 do not exist (the chart's XTickStep says so).
        Assert.Contains("1.2", ChartSketch.Of(model, "Validation accuracy", "epoch", "accuracy (%)")!.XTicks.Select(t => t.Label));
        var sketch = ChartSketch.Of(model, "Validation accuracy", "epoch", "accuracy (%)", xTickStep: 1)!;

        Assert.Equal(["1", "2"], sketch.XTicks.Select(t => t.Label));
        Assert.Equal([0.0, 100.0], sketch.XTicks.Select(t => t.Percent));
        Assert.Equal(["5", "10", "15"], ChartSketch.Of(Epochs(15), "Loss per epoch", "epoch", "loss", xTickStep: 5)!.XTicks.Select(t => t.Label));
    }

    private static LiveChartModel Epochs(int count)
    {
        var model = new LiveChartModel([new ChartSeries("val", "#e91e63", Markers: true)]);
        for (var e = 1; e <= count; e++)
            model.Add(0, e, 2.0 / e);
        return model;
    }

    [Fact]
    public void Of_NonFiniteLossesAreLeftOut_AndTooFewPointsDrawNothing()
    {
        var model = new LossChartModel();
        Assert.Null(ChartSketch.Of(model, "Loss per batch", "step", "loss"));
        model.AddBatch(new BatchProgress("r", 1, 1, 4, 1, 1.5, 0, 900, 0));
        Assert.Null(ChartSketch.Of(model, "Loss per batch", "step", "loss"));
        model.AddBatch(new BatchProgress("r", 1, 2, 4, 2, double.NaN, 0, 900, 0));
        model.AddBatch(new BatchProgress("r", 1, 3, 4, 3, 1.2, 0, 900, 0));

        var sketch = ChartSketch.Of(model, "Loss per batch", "step", "loss")!;

        Assert.Equal(2, sketch.Traces[0].Points);
        Assert.DoesNotContain("NaN", sketch.Traces[0].PathData, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.23, 2.71, new[] { 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0 })]
    [InlineData(1, 10_560, new[] { 0.0, 2000, 4000, 6000, 8000, 10_000, 12_000 })]
    [InlineData(0.1, 0.4, new[] { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 })]
    public void NiceTicks_StepOf1_2Or5TimesAPowerOfTen_CoveringTheRange(double low, double high, double[] expected)
    {
        Assert.Equal(expected, ChartSketch.NiceTicks(low, high));
    }

    private static List<(double X, double Y)> Coordinates(string path) =>
        PathPoint().Matches(path).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

    [GeneratedRegex(@"[ML]([-\d.]+) ([-\d.]+)")]
    private static partial Regex PathPoint();
}
