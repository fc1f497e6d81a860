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
/// <para>
/// The charts and the epoch table are one fold of the run's events (<see cref="BatchProgress"/>, <see cref="EpochCompleted"/>,
/// a resume's <see cref="RunStarted"/>) wherever they come from, so a run draws the same live and after a restart. A view
/// that reads the run folder (<c>awaitHistory</c>) folds the folder's events first and then the live events after its
/// subscription (duplicates of folder lines are recognised by step and epoch), because the notifier's replay keeps only
/// the latest progress events; without a folder the replay is the history.
/// </para>
/// </summary>
public sealed class RunLiveState
{
    private readonly Lock _gate = new();
    private long _lastSeq;
    private ImmutableList<EpochCompleted> _epochs = [];

    // The run's facts (status, message, start, latest batch and checkpoint, divergence, warnings, evaluation, denoising
    // steps) by the one fold of its events, or, before any event, what the folder said (Seed).
    private RunProjection _facts = RunProjection.Empty;
    private int _seededTotalEpochs;
    private double? _seededTestAccuracy;

    // Until the folder's history is in (awaitHistory), chart events are held: the replay's (used only if there is no
    // folder) and the live ones (folded after the folder's).
    private List<RunEvent>? _replayChartEvents;
    private List<RunEvent>? _liveChartEvents;

    /// <summary>
    /// The run followed. With <paramref name="awaitHistory"/> the charts wait for <see cref="SeedHistory"/> (the run
    /// folder's events) before folding anything.
    /// </summary>
    public RunLiveState(string runId, bool awaitHistory = false)
    {
        RunId = runId;
        if (awaitHistory)
            (_replayChartEvents, _liveChartEvents) = ([], []);
    }

    /// <summary>The run id.</summary>
    public string RunId { get; }

    /// <summary>The run's status; null before anything is known about it.</summary>
    public RunStatus? Status => _facts.Status;

    /// <summary>The status word shown (the run model's word; "waiting" before anything is known).</summary>
    public string StatusText => _facts.StatusText;

    /// <summary>Why the run ended early (the real cause for failed, where it diverged); null otherwise.</summary>
    public string? Message => _facts.Message;

    /// <summary>Where the run diverged; null otherwise.</summary>
    public DivergenceInfo? Divergence => _facts.Divergence is { } d ? DivergenceInfo.From(d) : null;

    /// <summary>Warnings raised during the run (e.g. a torn checkpoint skipped on resume).</summary>
    public ImmutableList<string> Warnings => _facts.Warnings;

    /// <summary>The best epoch by the library's rule (<see cref="EpochRule"/>: lowest finite validation loss), or null.</summary>
    public int? BestEpoch => EpochRule.Pick(_epochs, e => e.Epoch, e => e.ValLoss)?.Epoch;

    /// <summary>Device the run uses.</summary>
    public string? Device => _facts.Started?.Device;

    /// <summary>Epochs planned.</summary>
    public int TotalEpochs => _facts.Started?.TotalEpochs ?? _seededTotalEpochs;

    /// <summary>The latest batch progress.</summary>
    public BatchProgress? LastBatch => _facts.LastBatch;

    /// <summary>The latest denoising progress.</summary>
    public DenoiseProgress? LastDenoise => _facts.LastDenoiseStep;

    /// <summary>Completed epochs in order (an immutable snapshot).</summary>
    public ImmutableList<EpochCompleted> Epochs => _epochs;

    /// <summary>Test accuracy of the evaluated checkpoint, once done.</summary>
    public double? TestAccuracy => _facts.Evaluation?.Summary.Accuracy ?? _seededTestAccuracy;

    /// <summary>The epoch whose checkpoint was evaluated, once done.</summary>
    public int? EvaluatedEpoch => _facts.Evaluation?.Summary.Epoch;

    /// <summary>The latest checkpoint.</summary>
    public CheckpointSaved? LastCheckpoint => _facts.LastCheckpoint;

    /// <summary>Per-batch loss chart data: each batch's own loss, raw and smoothed.</summary>
    public LossChartModel BatchLoss { get; } = new();

    /// <summary>Per-epoch train (trace 0) and validation (trace 1) loss.</summary>
    public LiveChartModel EpochLoss { get; } = new([new ChartSeries("train", "#3f51b5", Markers: true), new ChartSeries("val", "#e91e63", Markers: true)]);

    /// <summary>Validation accuracy per epoch, in percent.</summary>
    public LiveChartModel ValAccuracy { get; } = new([new ChartSeries("val accuracy", "#4caf50", Markers: true)]);

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

    /// <summary>Progress in [0, 1] by the one formula (<see cref="RunProjection.ProgressOf"/>) over this view's epochs.</summary>
    public double Progress
    {
        get
        {
            var epochs = _epochs;
            return RunProjection.ProgressOf(Status, LastDenoise, LastBatch, epochs.Count, epochs.IsEmpty ? 0 : epochs[^1].Epoch, TotalEpochs);
        }
    }

    /// <summary>True while the run is queued or running.</summary>
    public bool IsActive => Status?.IsActive() == true;

    /// <summary>
    /// Fills status, message, divergence, warnings and test accuracy from the run's folder when no live events are known
    /// (a run from the CLI, from before a restart, or one that ended before the view opened). Does nothing once events
    /// were applied. The charts and epochs come from <see cref="SeedHistory"/>.
    /// </summary>
    public void Seed(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_gate)
        {
            if (_lastSeq > 0 || summary.Id != RunId)
                return;
            _facts = RunProjection.Empty with
            {
                Status = summary.Record?.Status,
                Message = summary.Record?.Message,
                Divergence = summary.Divergence,
                Warnings = [.. summary.Warnings],
            };
            _seededTotalEpochs = summary.Record?.Config?.Epochs ?? summary.Epochs.Count;
            _seededTestAccuracy = summary.TestAccuracy;
        }
    }

    /// <summary>True while the charts wait for <see cref="SeedHistory"/> (made with <c>awaitHistory</c>, not seeded yet).</summary>
    public bool AwaitsHistory
    {
        get
        {
            lock (_gate)
                return _liveChartEvents is not null;
        }
    }

    /// <summary>
    /// The run folder's events (metrics.jsonl in order), read after subscribing, or null when the run has no readable
    /// folder: the charts and epochs fold them, then the live events held since the subscription. Only once, and only
    /// for a state made with <c>awaitHistory</c>.
    /// </summary>
    public void SeedHistory(IReadOnlyList<RunEvent>? folderEvents)
    {
        lock (_gate)
        {
            if (_liveChartEvents is not { } live || _replayChartEvents is not { } replay)
                return;
            (_replayChartEvents, _liveChartEvents) = (null, null);
            foreach (var e in folderEvents ?? replay)
            {
                if (e.RunId == RunId)
                    FoldChart(e);
            }

            foreach (var e in live)
                FoldChart(e);
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
                ApplyLocked(e, fromReplay: true);
        }
    }

    /// <summary>Applies one event.</summary>
    public void Apply(RunEventEnvelope envelope)
    {
        lock (_gate)
            ApplyLocked(envelope, fromReplay: false);
    }

    private void Reset()
    {
        _lastSeq = 0;
        (_facts, _seededTotalEpochs, _seededTestAccuracy) = (RunProjection.Empty, 0, null);
        _epochs = [];
        _replayChartEvents?.Clear();
        _liveChartEvents?.Clear();
        BatchLoss.ClearBatches();
        EpochLoss.Clear();
        ValAccuracy.Clear();
        DenoiseLoss.Clear();
        DenoisePsnr.Clear();
    }

    // The events the charts and epoch table are folded from; the rest only change status.
    private static bool IsChartEvent(RunEvent e) => e is BatchProgress or EpochCompleted or RunStarted { ResumedFromEpoch: not null };

    // Held while the folder's history is awaited; folded at once otherwise. A replay's (seq at or below the
    // subscription) and a live event are held apart: the folder already holds the former.
    private void ChartEvent(RunEvent e, bool fromReplay)
    {
        if (_liveChartEvents is { } live)
            (fromReplay ? _replayChartEvents! : live).Add(e);
        else
            FoldChart(e);
    }

    private void FoldChart(RunEvent e)
    {
        switch (e)
        {
            case BatchProgress b:
                BatchLoss.AddBatch(b);
                break;
            case EpochCompleted c when _epochs.Count == 0 || c.Epoch > _epochs[^1].Epoch:
                _epochs = _epochs.Add(c);
                BatchLoss.EpochEnded(c);
                AddEpochPoints(c);
                break;
            case RunStarted { ResumedFromEpoch: { } from }:
                BatchLoss.ResumedFrom(from);
                if (_epochs.Any(x => x.Epoch > from))
                {
                    _epochs = _epochs.RemoveAll(x => x.Epoch > from);
                    EpochLoss.Clear();
                    ValAccuracy.Clear();
                    foreach (var kept in _epochs)
                        AddEpochPoints(kept);
                }

                break;
        }
    }

    private void AddEpochPoints(EpochCompleted e)
    {
        EpochLoss.Add(0, e.Epoch, e.TrainLoss);
        if (double.IsFinite(e.ValLoss))
            EpochLoss.Add(1, e.Epoch, e.ValLoss);
        if (double.IsFinite(e.ValAccuracy))
            ValAccuracy.Add(0, e.Epoch, e.ValAccuracy * 100);
    }

    private void ApplyLocked(RunEventEnvelope envelope, bool fromReplay)
    {
        if (envelope.Seq <= _lastSeq || envelope.RunId != RunId)
            return;
        _lastSeq = envelope.Seq;
        if (IsChartEvent(envelope.Event))
            ChartEvent(envelope.Event, fromReplay);
        _facts = _facts.Apply(envelope.Event);
        if (envelope.Event is DenoiseProgress d)
        {
            DenoiseLoss.Add(0, d.Step, d.Loss);
            if (d.Psnr is { } psnr)
                DenoisePsnr.Add(0, d.Step, psnr);
        }
    }
}
