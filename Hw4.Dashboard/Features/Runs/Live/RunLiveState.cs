using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;

namespace Hw4.Dashboard.Features.Runs.Live;

/// <summary>
/// What a live run view shows, folded from the run's events: status, progress with ETA and throughput, and the chart
/// data (per-batch loss with smoothing, per-epoch train/val loss). Applying an event twice is harmless (sequence
/// numbers at or below the last applied are ignored). Thread-safe.
/// </summary>
public sealed class RunLiveState
{
    private readonly Lock _gate = new();
    private long _lastSeq;

    /// <summary>The run followed.</summary>
    public RunLiveState(string runId) => RunId = runId;

    /// <summary>The run id.</summary>
    public string RunId { get; }

    /// <summary>queued, running, finished, stopped, failed, diverged, or unknown before any event.</summary>
    public string Status { get; private set; } = "unknown";

    /// <summary>A one-line reason for failed or diverged runs.</summary>
    public string? Message { get; private set; }

    /// <summary>Where the run diverged (from the RunDiverged event, or the run folder when seeded); null otherwise.</summary>
    public DivergenceInfo? Divergence { get; private set; }

    /// <summary>The epoch with the lowest finite validation loss so far, or null.</summary>
    public int? BestEpoch
    {
        get
        {
            lock (_gate)
                return _epochs.Where(e => double.IsFinite(e.ValLoss)).MinBy(e => e.ValLoss)?.Epoch;
        }
    }

    /// <summary>Device the run uses.</summary>
    public string? Device { get; private set; }

    /// <summary>Epochs planned.</summary>
    public int TotalEpochs { get; private set; }

    /// <summary>The latest batch progress.</summary>
    public BatchProgress? LastBatch { get; private set; }

    /// <summary>The latest denoising progress.</summary>
    public DenoiseProgress? LastDenoise { get; private set; }

    /// <summary>Completed epochs in order.</summary>
    public IReadOnlyList<EpochCompleted> Epochs => _epochs;

    private readonly List<EpochCompleted> _epochs = [];

    /// <summary>Test evaluation, once done.</summary>
    public EvaluationCompleted? Evaluation { get; private set; }

    /// <summary>The latest checkpoint.</summary>
    public CheckpointSaved? LastCheckpoint { get; private set; }

    /// <summary>Per-batch loss chart data.</summary>
    public LossChartModel BatchLoss { get; } = new();

    /// <summary>Per-epoch train (trace 0) and validation (trace 1) loss.</summary>
    public LiveChartModel EpochLoss { get; } = new([new ChartSeries("train", "#3f51b5", Markers: true), new ChartSeries("val", "#e91e63", Markers: true)]);

    /// <summary>Denoising loss (trace 0) and PSNR (trace 1 is drawn on its own chart).</summary>
    public LiveChartModel DenoiseLoss { get; } = new([new ChartSeries("loss", "#3f51b5")]);

    /// <summary>Denoising PSNR in dB.</summary>
    public LiveChartModel DenoisePsnr { get; } = new([new ChartSeries("PSNR", "#4caf50")]);

    /// <summary>The last sequence number applied (for reconnecting).</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
                return _lastSeq;
        }
    }

    /// <summary>Progress in [0, 1] over all epochs, from the latest batch or epoch.</summary>
    public double Progress
    {
        get
        {
            if (Status is "finished")
                return 1;
            if (LastDenoise is { TotalSteps: > 0 } d)
                return Math.Clamp((double)d.Step / d.TotalSteps, 0, 1);
            if (TotalEpochs <= 0)
                return 0;
            if (LastBatch is { BatchesPerEpoch: > 0 } b && b.Epoch > _epochs.Count)
                return Math.Clamp((b.Epoch - 1 + (double)b.Batch / b.BatchesPerEpoch) / TotalEpochs, 0, 1);
            return Math.Clamp((double)_epochs.Count / TotalEpochs, 0, 1);
        }
    }

    /// <summary>True while the run is queued or running.</summary>
    public bool IsActive => Status is "queued" or "running";

    /// <summary>
    /// Fills the view from the index and the run folder when no live events are known (a run from the CLI or from
    /// before a restart). Does nothing once events were applied.
    /// </summary>
    public void Seed(RunRecord record, IReadOnlyList<(double Step, double Loss)> batchLosses, DivergenceInfo? divergence = null)
    {
        lock (_gate)
        {
            if (_lastSeq > 0)
                return;
            Status = record.Status;
            Divergence = divergence;
            TotalEpochs = record.EpochsPlanned ?? record.EpochsDone;
            foreach (var e in record.Epochs)
            {
                _epochs.Add(new EpochCompleted(record.Id, e.Epoch, e.TrainLoss, e.ValLoss ?? double.NaN, e.ValAccuracy, e.Seconds ?? double.NaN, e.ImagesPerSecond ?? double.NaN));
                EpochLoss.Add(0, e.Epoch, e.TrainLoss);
                if (e.ValLoss is { } v)
                    EpochLoss.Add(1, e.Epoch, v);
            }

            foreach (var (step, loss) in batchLosses)
                BatchLoss.AddLoss(step, loss);
            if (record.TestAccuracy is { } acc)
                Evaluation = new EvaluationCompleted(record.Id, record.BestEpoch ?? 0, acc, null);
        }
    }

    /// <summary>Applies a replay: a snapshot resets everything first.</summary>
    public void Apply(RunReplay replay)
    {
        lock (_gate)
        {
            if (replay.IsSnapshot)
                Reset();
            foreach (var e in replay.Events)
                ApplyLocked(e);
        }
    }

    /// <summary>Applies one event.</summary>
    public void Apply(RunEventEnvelope envelope)
    {
        lock (_gate)
            ApplyLocked(envelope);
    }

    private void Reset()
    {
        _lastSeq = 0;
        Status = "unknown";
        Message = null;
        Divergence = null;
        LastBatch = null;
        LastDenoise = null;
        Evaluation = null;
        LastCheckpoint = null;
        _epochs.Clear();
        BatchLoss.Clear();
        EpochLoss.Clear();
        DenoiseLoss.Clear();
        DenoisePsnr.Clear();
    }

    private void ApplyLocked(RunEventEnvelope envelope)
    {
        if (envelope.Seq <= _lastSeq || envelope.RunId != RunId)
            return;
        _lastSeq = envelope.Seq;
        switch (envelope.Event)
        {
            case RunQueued:
                Status = "queued";
                break;
            case RunStarted s:
                Status = "running";
                Device = s.Device;
                TotalEpochs = s.TotalEpochs;
                break;
            case BatchProgress b:
                Status = "running";
                LastBatch = b;
                BatchLoss.AddLoss(b.Step, b.Loss);
                break;
            case EpochCompleted e:
                _epochs.Add(e);
                EpochLoss.Add(0, e.Epoch, e.TrainLoss);
                EpochLoss.Add(1, e.Epoch, e.ValLoss);
                break;
            case CheckpointSaved c:
                LastCheckpoint = c;
                break;
            case EvaluationCompleted ev:
                Evaluation = ev;
                break;
            case DenoiseProgress d:
                Status = "running";
                LastDenoise = d;
                DenoiseLoss.Add(0, d.Step, d.Loss);
                if (d.Psnr is { } psnr)
                    DenoisePsnr.Add(0, d.Step, psnr);
                break;
            case RunFinished f:
                Status = f.Stopped ? "stopped" : "finished";
                break;
            case RunFailed f:
                Status = "failed";
                Message = f.Message;
                break;
            case RunDiverged d:
                Status = "diverged";
                Divergence = new DivergenceInfo(d.Epoch, d.Batch, d.LastFiniteLoss);
                // The trainer's reason already says where; only add the position when it does not.
                Message = d.Reason.StartsWith("diverged", StringComparison.OrdinalIgnoreCase) ? d.Reason
                    : d.Epoch > 0 ? $"diverged at epoch {d.Epoch}, batch {d.Batch}: {d.Reason}"
                    : $"diverged: {d.Reason}";
                break;
        }
    }
}
