using System.Collections.Immutable;
using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using EpochRule = Hw4.Ml.Training.BestEpoch;

namespace Hw4.Dashboard.Features.Runs.Live;

/// <summary>
/// What a live run view shows, folded from the run's own events (the library's <see cref="RunEvent"/>s): status,
/// progress with ETA and throughput, and the chart data. Only events of <see cref="RunId"/> are applied, so a view bound
/// to one run never shows another's. Applying an event twice is harmless (sequence numbers at or below the last applied
/// are ignored). Thread-safe; the collections it hands out are immutable snapshots, never lists another thread appends to.
/// </summary>
public sealed class RunLiveState
{
    private readonly Lock _gate = new();
    private long _lastSeq;
    private ImmutableList<EpochCompleted> _epochs = [];

    /// <summary>The run followed.</summary>
    public RunLiveState(string runId) => RunId = runId;

    /// <summary>The run id.</summary>
    public string RunId { get; }

    /// <summary>The run's status; null before anything is known about it.</summary>
    public RunStatus? Status { get; private set; }

    /// <summary>The status word shown (the run model's word; "waiting" before anything is known).</summary>
    public string StatusText => Status?.Name() ?? "waiting";

    /// <summary>Why the run ended early (the real cause for failed, where it diverged); null otherwise.</summary>
    public string? Message { get; private set; }

    /// <summary>Where the run diverged; null otherwise.</summary>
    public DivergenceInfo? Divergence { get; private set; }

    /// <summary>Warnings raised during the run (e.g. a torn checkpoint skipped on resume).</summary>
    public ImmutableList<string> Warnings { get; private set; } = [];

    /// <summary>The best epoch by the library's rule (<see cref="EpochRule"/>: lowest finite validation loss), or null.</summary>
    public int? BestEpoch => EpochRule.Pick(_epochs, e => e.Epoch, e => e.ValLoss)?.Epoch;

    /// <summary>Device the run uses.</summary>
    public string? Device { get; private set; }

    /// <summary>Epochs planned.</summary>
    public int TotalEpochs { get; private set; }

    /// <summary>The latest batch progress.</summary>
    public BatchProgress? LastBatch { get; private set; }

    /// <summary>The latest denoising progress.</summary>
    public DenoiseProgress? LastDenoise { get; private set; }

    /// <summary>Completed epochs in order (an immutable snapshot).</summary>
    public ImmutableList<EpochCompleted> Epochs => _epochs;

    /// <summary>Test accuracy of the evaluated checkpoint, once done.</summary>
    public double? TestAccuracy { get; private set; }

    /// <summary>The epoch whose checkpoint was evaluated, once done.</summary>
    public int? EvaluatedEpoch { get; private set; }

    /// <summary>The latest checkpoint.</summary>
    public CheckpointSaved? LastCheckpoint { get; private set; }

    /// <summary>Per-batch loss chart data: each batch's own loss, raw and smoothed.</summary>
    public LossChartModel BatchLoss { get; } = new();

    /// <summary>Per-epoch train (trace 0) and validation (trace 1) loss.</summary>
    public LiveChartModel EpochLoss { get; } = new([new ChartSeries("train", "#3f51b5", Markers: true), new ChartSeries("val", "#e91e63", Markers: true)]);

    /// <summary>Denoising loss.</summary>
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
            if (Status is RunStatus.Completed)
                return 1;
            if (LastDenoise is { TotalSteps: > 0 } d)
                return Math.Clamp((double)d.Step / d.TotalSteps, 0, 1);
            if (TotalEpochs <= 0)
                return 0;
            var epochs = _epochs;
            if (Status is RunStatus.Running && LastBatch is { BatchesPerEpoch: > 0 } b && (epochs.Count == 0 || b.Epoch > epochs[^1].Epoch))
                return Math.Clamp((b.Epoch - 1 + (double)b.Batch / b.BatchesPerEpoch) / TotalEpochs, 0, 1);
            return Math.Clamp((double)epochs.Count / TotalEpochs, 0, 1);
        }
    }

    /// <summary>True while the run is queued or running.</summary>
    public bool IsActive => Status?.IsActive() == true;

    /// <summary>
    /// Fills the view from the run's folder when no live events are known (a run from the CLI, from before a restart,
    /// or one that ended before the view opened). Does nothing once events were applied.
    /// </summary>
    public void Seed(RunSummary summary, IReadOnlyList<(double Step, double Loss)> batchLosses)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_gate)
        {
            if (_lastSeq > 0 || summary.Id != RunId)
                return;
            Status = summary.Record?.Status;
            Message = summary.Record?.Message;
            Divergence = summary.Divergence is { } d ? DivergenceInfo.From(d) : null;
            Warnings = [.. summary.Warnings];
            TotalEpochs = summary.Record?.Config?.Epochs ?? summary.Epochs.Count;
            foreach (var e in summary.Epochs)
                AddEpoch(new EpochCompleted(RunId, e.Epoch, e.TrainLoss, e.ValLoss, e.ValAccuracy, e.Seconds, e.ImagesPerSecond));
            foreach (var (step, loss) in batchLosses)
                BatchLoss.AddLoss(step, loss);
            TestAccuracy = summary.TestAccuracy;
        }
    }

    /// <summary>Applies a replay: a snapshot resets everything first.</summary>
    public void Apply(RunReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        lock (_gate)
        {
            if (replay.RunId != RunId)
                return;
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
        Status = null;
        Message = null;
        Divergence = null;
        Warnings = [];
        LastBatch = null;
        LastDenoise = null;
        TestAccuracy = null;
        EvaluatedEpoch = null;
        LastCheckpoint = null;
        _epochs = [];
        BatchLoss.Clear();
        EpochLoss.Clear();
        DenoiseLoss.Clear();
        DenoisePsnr.Clear();
    }

    private void AddEpoch(EpochCompleted e)
    {
        _epochs = _epochs.Add(e);
        EpochLoss.Add(0, e.Epoch, e.TrainLoss);
        if (double.IsFinite(e.ValLoss))
            EpochLoss.Add(1, e.Epoch, e.ValLoss);
    }

    private void ApplyLocked(RunEventEnvelope envelope)
    {
        if (envelope.Seq <= _lastSeq || envelope.RunId != RunId)
            return;
        _lastSeq = envelope.Seq;
        switch (envelope.Event)
        {
            case RunQueued:
                Status = RunStatus.Queued;
                Message = null;
                break;
            case RunStarted s:
                Status = RunStatus.Running;
                Device = s.Device;
                TotalEpochs = s.TotalEpochs;
                if (s.ResumedFromEpoch is { } from)
                    _epochs = _epochs.RemoveAll(e => e.Epoch > from);
                break;
            case RunWarning w:
                Warnings = Warnings.Add(w.Message);
                break;
            case BatchProgress b:
                LastBatch = b;
                BatchLoss.AddLoss(b.Step, b.Loss);
                break;
            case EpochCompleted e:
                AddEpoch(e);
                break;
            case CheckpointSaved c:
                LastCheckpoint = c;
                break;
            case Evaluated ev:
                TestAccuracy = ev.Summary.Accuracy;
                EvaluatedEpoch = ev.Summary.Epoch;
                break;
            case Diverged d:
                Divergence = DivergenceInfo.From(d);
                break;
            case DenoiseProgress d:
                LastDenoise = d;
                DenoiseLoss.Add(0, d.Step, d.Loss);
                if (d.Psnr is { } psnr)
                    DenoisePsnr.Add(0, d.Step, psnr);
                break;
            case RunEnded end:
                Status = end.Status;
                Message = end.Message;
                break;
        }
    }
}
