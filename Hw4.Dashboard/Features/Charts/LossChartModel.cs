using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Per-batch loss: every batch's own loss drawn raw and faint (trace 0) behind its debiased EMA (trace 1). Every batch
/// is kept here (drawing downsamples, see <see cref="LiveChartModel"/>); the x axis (step, epoch or training time) and
/// the smoothing can change at any time and are recomputed from the kept batches. The same events fold to the same
/// series whether they arrive live or are read back from the run folder: a batch at or below the last kept step is a
/// duplicate and ignored, and a resume drops the batches of the epochs it went back over.
/// </summary>
public sealed class LossChartModel : LiveChartModel
{
    private readonly Lock _foldGate = new();
    private readonly List<BatchLossPoint> _points = [];
    private readonly SortedDictionary<int, double> _epochSeconds = [];
    private DebiasedEma _ema;

    /// <summary>A loss chart with smoothing <paramref name="smoothing"/> (β in [0, 1)).</summary>
    public LossChartModel(double smoothing = 0.9, string color = "#3f51b5", int maxDrawn = MinMaxDownsampler.DefaultMaxPoints)
        : base([new ChartSeries("loss (raw)", color, Opacity: 0.25), new ChartSeries("loss (smoothed)", color, Smooth: true)], maxDrawn)
    {
        _ema = new DebiasedEma(smoothing);
    }

    /// <summary>The EMA weight β.</summary>
    public double Smoothing
    {
        get
        {
            lock (_foldGate)
                return _ema.Beta;
        }
    }

    /// <summary>What the x axis counts.</summary>
    public ChartXAxis XAxis { get; private set; } = ChartXAxis.Step;

    /// <summary>A copy of every batch kept, in order.</summary>
    public IReadOnlyList<BatchLossPoint> Batches
    {
        get
        {
            lock (_foldGate)
                return _points.ToArray();
        }
    }

    /// <summary>
    /// Adds one batch; false (and nothing changes) when its step is not after the last kept one, i.e. a batch already
    /// read from the folder that also arrived as an event.
    /// </summary>
    public bool AddBatch(BatchProgress batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_foldGate)
        {
            if (_points.Count > 0 && batch.Step <= _points[^1].Step)
                return false;
            double? seconds = batch.ElapsedSeconds is { } s
                ? _epochSeconds.Where(kv => kv.Key < batch.Epoch).Sum(kv => kv.Value) + s
                : null;
            var point = new BatchLossPoint(batch.Epoch, batch.Batch, batch.BatchesPerEpoch, batch.Step, batch.Loss, seconds);
            _points.Add(point);
            var x = point.X(XAxis);
            Add(0, x, point.Loss);
            Add(1, x, _ema.Next(point.Loss));
            return true;
        }
    }

    /// <summary>Records an epoch's training time, the offset of the later epochs' batches on the time axis.</summary>
    public void EpochEnded(EpochCompleted epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        lock (_foldGate)
            _epochSeconds[epoch.Epoch] = epoch.Seconds;
    }

    /// <summary>A resume went back to the checkpoint of <paramref name="epoch"/>: the later epochs' batches are void.</summary>
    public void ResumedFrom(int epoch)
    {
        lock (_foldGate)
        {
            if (_points.RemoveAll(p => p.Epoch > epoch) == 0 && _epochSeconds.Keys.All(k => k <= epoch))
                return;
            foreach (var later in _epochSeconds.Keys.Where(k => k > epoch).ToList())
                _epochSeconds.Remove(later);
            RebuildLocked();
        }
    }

    /// <summary>Sets β and recomputes the smoothed trace.</summary>
    public void SetSmoothing(double beta)
    {
        lock (_foldGate)
        {
            _ema = new DebiasedEma(beta);
            RebuildLocked();
        }
    }

    /// <summary>Switches the x axis and recomputes both traces' x.</summary>
    public void SetXAxis(ChartXAxis axis)
    {
        lock (_foldGate)
        {
            if (axis == XAxis)
                return;
            XAxis = axis;
            RebuildLocked();
        }
    }

    /// <summary>Forgets every batch (a replay snapshot starts over).</summary>
    public void ClearBatches()
    {
        lock (_foldGate)
        {
            _points.Clear();
            _epochSeconds.Clear();
            _ema = new DebiasedEma(_ema.Beta);
            Clear();
        }
    }

    private void RebuildLocked()
    {
        var ema = new DebiasedEma(_ema.Beta);
        var x = _points.Select(p => p.X(XAxis)).ToArray();
        var raw = _points.Select(p => p.Loss).ToArray();
        var smoothed = raw.Select(ema.Next).ToArray();
        _ema = ema;
        Replace(0, x, raw);
        Replace(1, x, smoothed);
    }
}
