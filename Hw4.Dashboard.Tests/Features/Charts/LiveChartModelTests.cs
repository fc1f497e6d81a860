using Hw4.Dashboard.Features.Charts;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class LiveChartModelTests
{
    private static LiveChartModel TwoTraces(int maxDrawn = 10) =>
        new([new ChartSeries("train"), new ChartSeries("val")], maxDrawn);

    [Fact]
    public void TakeUpdate_FirstCall_RedrawsThenAppendsOnlyNewPoints()
    {
        var model = TwoTraces();
        model.Add(0, 1, 0.9);

        var first = model.TakeUpdate();
        model.Add(0, 2, 0.8);
        model.Add(0, 3, 0.7);
        var second = model.TakeUpdate();
        var third = model.TakeUpdate();

        Assert.True(first.Redraw);
        Assert.False(second.Redraw);
        Assert.Equal([0], second.Traces);
        Assert.Equal([2.0, 3.0], second.X[0]);
        Assert.Equal([0.8, 0.7], second.Y[0]);
        Assert.True(third.IsEmpty);
    }

    [Fact]
    public void TakeUpdate_BrowserTraceBeyondTwiceTheCap_RedrawsDownsampled()
    {
        var model = TwoTraces(maxDrawn: 10);
        model.TakeUpdate();
        for (var i = 0; i < 20; i++)
            model.Add(0, i, i);
        Assert.False(model.TakeUpdate().Redraw);

        model.Add(0, 20, 20);
        var update = model.TakeUpdate();

        Assert.True(update.Redraw);
        Assert.InRange(update.X[0].Length, 2, 10);
        Assert.Equal(20, update.Y[0][^1]);
    }

    [Fact]
    public void SetSmoothing_ChangesBeta_RecomputesSmoothedTraceFromRaw()
    {
        var model = new LossChartModel(smoothing: 0.9);
        model.AddBatch(new Hw4.Ml.Lifecycle.Events.BatchProgress("r", 1, 1, 2, 1, 1.0, 1.0, 100, null));
        model.AddBatch(new Hw4.Ml.Lifecycle.Events.BatchProgress("r", 1, 2, 2, 2, 3.0, 2.0, 100, null));
        model.TakeUpdate();

        model.SetSmoothing(0.5);
        var update = model.TakeUpdate();

        Assert.True(update.Redraw);
        Assert.Equal([1.0, 3.0], update.Y[0]);
        Assert.Equal(1.75 / 0.75, update.Y[1][1], 12);
        Assert.Equal(0.5, model.Smoothing);
    }
}
