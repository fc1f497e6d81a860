namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Per-batch loss: the raw series drawn faint (trace 0) behind its debiased EMA (trace 1). Changing the smoothing
/// recomputes the EMA from the kept raw data.
/// </summary>
public sealed class LossChartModel : LiveChartModel
{
    private readonly Lock _emaGate = new();
    private DebiasedEma _ema;

    /// <summary>A loss chart with smoothing <paramref name="smoothing"/> (β in [0, 1)).</summary>
    public LossChartModel(double smoothing = 0.9, string color = "#3f51b5")
        : base([new ChartSeries("loss (raw)", color, Opacity: 0.25, ShowLegend: false), new ChartSeries("loss (smoothed)", color)])
    {
        _ema = new DebiasedEma(smoothing);
    }

    /// <summary>The EMA weight β.</summary>
    public double Smoothing => _ema.Beta;

    /// <summary>Adds a raw loss point and its smoothed value.</summary>
    public void AddLoss(double step, double loss)
    {
        lock (_emaGate)
        {
            Add(0, step, loss);
            Add(1, step, _ema.Next(loss));
        }
    }

    /// <summary>Sets β and recomputes the smoothed trace.</summary>
    public void SetSmoothing(double beta)
    {
        lock (_emaGate)
        {
            var ema = new DebiasedEma(beta);
            var (x, y) = Points(0);
            var smoothed = y.Select(ema.Next).ToArray();
            _ema = ema;
            Replace(1, x, smoothed);
        }
    }
}
