using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Charts;

public sealed class LossChartModelTests
{
    private static BatchProgress Batch(int epoch, int batch, int perEpoch, double loss, double? elapsed = null) =>
        new("r", epoch, batch, perEpoch, (long)(epoch - 1) * perEpoch + batch, loss, loss, 500, null, elapsed);

    [Fact]
    public void AddBatch_FifteenEpochsOf704_KeepsEveryPointRawAndSmoothed_DrawsAtMostTheCap()
    {
        var model = new LossChartModel(smoothing: 0.9);
        for (var e = 1; e <= 15; e++)
        {
            for (var b = 1; b <= 704; b++)
                model.AddBatch(Batch(e, b, 704, 2.3 - e * 0.1 + (b % 7) * 0.01));
        }

        var update = model.TakeUpdate();

        Assert.Equal(10_560, model.Batches.Count);
        Assert.Equal(10_560, model.Count(0));
        Assert.Equal(10_560, model.Count(1));
        Assert.True(update.Redraw);
        Assert.InRange(update.X[0].Length, 1000, MinMaxDownsampler.DefaultMaxPoints);
        // Raw is each batch's own loss; trace 1 is its EMA.
        var (_, raw) = model.Points(0);
        var (_, smooth) = model.Points(1);
        Assert.Equal(2.3 - 0.1 + 0.01, raw[0], 12);
        Assert.Equal(DebiasedEma.Smooth(raw, 0.9), smooth);
    }

    [Fact]
    public void FitTo_ChartWidth_FirstDrawAtMostOnePointPerPixelPerTrace_KeepsTheExtremes_StoresEveryBatch()
    {
        var model = new LossChartModel(smoothing: 0.9);
        var random = new Random(3);
        for (var step = 1; step <= 15 * 704; step++)
        {
            var loss = step switch { 5_000 => 9.5, 7_777 => 0.01, _ => 2.0 + random.NextDouble() * 0.2 };
            model.AddBatch(Batch((step - 1) / 704 + 1, (step - 1) % 704 + 1, 704, loss));
        }

        model.FitTo(663);
        var update = model.TakeUpdate();

        Assert.True(update.Redraw);
        // The raw trace: min/max pairs, the spike and the dip among them; the smoothed one: evenly spaced points.
        Assert.InRange(update.X[0].Length, 600, 663);
        Assert.Contains(9.5, update.Y[0]);
        Assert.Contains(0.01, update.Y[0]);
        Assert.Equal(663, update.X[1].Length);
        Assert.Equal((1.0, 10_560.0), (update.X[1][0], update.X[1][^1]));
        var (_, smooth) = model.Points(1);
        Assert.Equal(smooth[^1], update.Y[1][^1]);
        // Drawing only: every batch is still held, raw and smoothed.
        Assert.Equal(10_560, model.Count(0));
        Assert.Equal(10_560, model.Count(1));
        Assert.Equal(663, model.MaxDrawn);
    }

    [Fact]
    public void FitTo_AfterTheFirstDraw_RedrawsAtTheNewCap_SameCapChangesNothing()
    {
        var model = new LossChartModel();
        for (var b = 1; b <= 3_000; b++)
            model.AddBatch(Batch(1, b, 3_000, 2.0 - b * 0.0001));
        Assert.Equal(2_000, model.TakeUpdate().X[1].Length);

        model.FitTo(400);
        var refit = model.TakeUpdate();
        model.FitTo(400);

        Assert.True(refit.Redraw);
        Assert.All(refit.X, x => Assert.InRange(x.Length, 2, 400));
        Assert.True(model.TakeUpdate().IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FitTo(3));
    }

    [Fact]
    public void SetXAxis_Epoch_BatchBOfEpochESitsAtEMinusOnePlusBOverBatches()
    {
        var model = new LossChartModel();
        model.AddBatch(Batch(1, 352, 704, 2.0));
        model.AddBatch(Batch(1, 704, 704, 1.9));
        model.AddBatch(Batch(2, 352, 704, 1.8));

        model.SetXAxis(ChartXAxis.Epoch);

        Assert.Equal([0.5, 1.0, 1.5], model.Points(0).X);
        Assert.Equal([0.5, 1.0, 1.5], model.Points(1).X);
        Assert.True(model.TakeUpdate().Redraw);
    }

    [Fact]
    public void SetXAxis_Time_AddsTheEarlierEpochsTrainingSeconds()
    {
        var model = new LossChartModel();
        model.AddBatch(Batch(1, 1, 2, 2.0, elapsed: 3));
        model.AddBatch(Batch(1, 2, 2, 1.9, elapsed: 6.5));
        model.EpochEnded(new EpochCompleted("r", 1, 1.95, 1.9, 0.3, 7, 100));
        model.AddBatch(Batch(2, 1, 2, 1.8, elapsed: 2.5));
        model.AddBatch(Batch(2, 2, 2, 1.7));

        model.SetXAxis(ChartXAxis.Time);
        var x = model.Points(0).X;

        Assert.Equal([3.0, 6.5, 9.5], x[..3]);
        // A batch from a file written before events carried a time: a gap, not a made-up time.
        Assert.True(double.IsNaN(x[3]));
        model.SetXAxis(ChartXAxis.Step);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], model.Points(0).X);
    }

    [Fact]
    public void AddBatch_StepAlreadyKept_IsIgnored()
    {
        var model = new LossChartModel();

        Assert.True(model.AddBatch(Batch(1, 1, 10, 2.0)));
        Assert.True(model.AddBatch(Batch(1, 2, 10, 1.9)));
        Assert.False(model.AddBatch(Batch(1, 2, 10, 1.9)));
        Assert.False(model.AddBatch(Batch(1, 1, 10, 2.0)));

        Assert.Equal(2, model.Count(0));
    }

    [Fact]
    public void ResumedFrom_DropsLaterEpochsBatches_AndTheirTimes_ThenTheRerunAppends()
    {
        var model = new LossChartModel(smoothing: 0.5);
        model.AddBatch(Batch(1, 1, 1, 2.0, elapsed: 4));
        model.EpochEnded(new EpochCompleted("r", 1, 2.0, 1.9, 0.3, 4, 100));
        model.AddBatch(Batch(2, 1, 1, 9.0, elapsed: 4));
        model.EpochEnded(new EpochCompleted("r", 2, 9.0, 1.9, 0.3, 100, 100));

        model.ResumedFrom(1);
        model.AddBatch(Batch(2, 1, 1, 1.0, elapsed: 5));
        model.SetXAxis(ChartXAxis.Time);

        Assert.Equal([2.0, 1.0], model.Points(0).Y);
        Assert.Equal([4.0, 9.0], model.Points(0).X);
        Assert.Equal(DebiasedEma.Smooth([2.0, 1.0], 0.5), model.Points(1).Y);
    }
}
