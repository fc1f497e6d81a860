using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// What a denoising run's page shows: status, message, end figures and the loss and PSNR curves, put together from the
/// run folder (every report, through <see cref="RunDirectoryReader"/>) and the run's live events (throttled, so
/// sparser). Points are kept by step, so a report seen both ways counts once and the order of arrival does not
/// matter. Only events of <see cref="RunId"/> are applied. Thread-safe.
/// </summary>
public sealed class DenoiseRunState(string runId)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, (double Loss, double? Psnr)> _points = [];
    private bool _live;

    // Status, message and end figures by the one fold of the run's events, corrected by the folder (Seed).
    private RunProjection _facts = RunProjection.Empty;

    /// <summary>The run followed.</summary>
    public string RunId { get; } = runId;

    /// <summary>The run's status; null before anything is known.</summary>
    public RunStatus? Status => _facts.Status;

    /// <summary>The status word shown.</summary>
    public string StatusText => _facts.StatusText;

    /// <summary>Why it ended early (stopped at step k, diverged, failed, interrupted), or null.</summary>
    public string? Message => _facts.Message;

    /// <summary>The end figures, once it ended.</summary>
    public DenoiseFinished? Finished => _facts.Denoised;

    /// <summary>The latest report, from the folder or live, whichever is further.</summary>
    public DenoiseProgress? LatestStep { get; private set; }

    /// <summary>Progress in [0, 1] by the one formula (<see cref="RunProjection.ProgressOf"/>).</summary>
    public double Progress => RunProjection.ProgressOf(Status, LatestStep, null, 0, 0, 0);

    /// <summary>The latest report's PSNR, or the end figure.</summary>
    public double? Psnr => Finished is { } f ? f.PsnrOutput : LatestStep?.Psnr;

    /// <summary>True while queued or running.</summary>
    public bool IsActive => Status?.IsActive() == true;

    /// <summary>Loss per step.</summary>
    public LiveChartModel Loss { get; } = new([new ChartSeries("loss", "#3f51b5")]);

    /// <summary>PSNR per step (dB).</summary>
    public LiveChartModel PsnrCurve { get; } = new([new ChartSeries("PSNR", "#4caf50")]);

    /// <summary>
    /// Takes what the folder holds. Its status is taken unless a live event already said more (a later status), except
    /// that an end on disk always wins: the folder is written before the event that announces it.
    /// </summary>
    public void Seed(RunSummary summary, IReadOnlyList<DenoiseProgress> steps)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(steps);
        if (summary.Id != RunId)
            return;
        lock (_gate)
        {
            if (summary.Record is { } record && (!_live || !record.Status.IsActive()))
                _facts = _facts with { Status = record.Status, Message = record.Message };
            _facts = _facts with { Denoised = summary.Denoised ?? _facts.Denoised };
            foreach (var s in steps)
                AddLocked(s);
            RedrawLocked();
        }
    }

    /// <summary>Applies a replay's events (points merge by step, so a snapshot needs no reset).</summary>
    public void Apply(RunReplay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        foreach (var e in replay.Events)
            Apply(e);
    }

    /// <summary>Applies one live event of this run.</summary>
    public void Apply(RunEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.RunId != RunId)
            return;
        lock (_gate)
        {
            _live = true;
            _facts = _facts.Apply(envelope.Event);
            if (envelope.Event is RunStarted)
            {
                // Started anew: its curves begin again from the input.
                LatestStep = null;
                _points.Clear();
            }
            else if (envelope.Event is DenoiseProgress p)
            {
                AddLocked(p);
            }

            RedrawLocked();
        }
    }

    private void AddLocked(DenoiseProgress p)
    {
        _points[p.Step] = (p.Loss, p.Psnr);
        if (LatestStep is not { } known || p.Step >= known.Step)
            LatestStep = p;
    }

    private void RedrawLocked()
    {
        var finite = _points.Where(p => double.IsFinite(p.Value.Loss)).ToList();
        Loss.Replace(0, [.. finite.Select(p => (double)p.Key)], [.. finite.Select(p => p.Value.Loss)]);
        var psnr = _points.Where(p => p.Value.Psnr is { } v && double.IsFinite(v)).ToList();
        PsnrCurve.Replace(0, [.. psnr.Select(p => (double)p.Key)], [.. psnr.Select(p => p.Value.Psnr!.Value)]);
    }
}
