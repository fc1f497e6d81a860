using System.Collections.Immutable;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>
/// The one fold of a run's events (metrics.jsonl, or the live stream): status, progress, epochs, best epoch,
/// divergence, warnings and a denoising run's steps, for both kinds. The folder reader, the index, the API, the live
/// views and the interrupt wording all read a run through it, so they never disagree. Immutable: <see cref="Apply"/>
/// returns the next history. A resume drops the epochs after the checkpoint it went back to; a denoising run that starts
/// again begins from its input.
/// </summary>
public sealed record RunProjection
{
    /// <summary>No event yet.</summary>
    public static RunProjection Empty { get; } = new();

    /// <summary>The status the events say (queued, started, ended), or null before any of them.</summary>
    public RunStatus? Status { get; init; }

    /// <summary>The word shown for a run nothing is known of yet.</summary>
    public const string Waiting = "waiting";

    /// <summary>The status word shown: the run model's word, or <see cref="Waiting"/>.</summary>
    public string StatusText => Status?.Name() ?? Waiting;

    /// <summary>Why it ended early, from its <see cref="RunEnded"/>.</summary>
    public string? Message { get; init; }

    /// <summary>The latest attempt's start.</summary>
    public RunStarted? Started { get; init; }

    /// <summary>Completed epochs in order, each once.</summary>
    public ImmutableList<EpochCompleted> Epochs { get; init; } = [];

    /// <summary>The latest batch of the latest attempt.</summary>
    public BatchProgress? LastBatch { get; init; }

    /// <summary>The latest checkpoint.</summary>
    public CheckpointSaved? LastCheckpoint { get; init; }

    /// <summary>Where it diverged, when the latest attempt did.</summary>
    public Diverged? Divergence { get; init; }

    /// <summary>Warnings raised, oldest first.</summary>
    public ImmutableList<string> Warnings { get; init; } = [];

    /// <summary>The test evaluation of the latest attempt, once done.</summary>
    public Evaluated? Evaluation { get; init; }

    /// <summary>A denoising run's reports of its latest attempt, in order.</summary>
    public ImmutableList<DenoiseProgress> DenoiseSteps { get; init; } = [];

    /// <summary>A denoising run's end figures, once it ended.</summary>
    public DenoiseFinished? Denoised { get; init; }

    /// <summary>The epochs as <see cref="EpochMetrics"/>, in order.</summary>
    public IReadOnlyList<EpochMetrics> EpochMetrics =>
        [.. Epochs.Select(c => new EpochMetrics(c.Epoch, c.TrainLoss, c.ValLoss, c.ValAccuracy, c.Seconds, c.ImagesPerSecond))];

    /// <summary>The best epoch by <see cref="BestEpoch.Pick"/>, or null.</summary>
    public int? BestEpoch => Training.BestEpoch.Pick(Epochs, e => e.Epoch, e => e.ValLoss)?.Epoch;

    /// <summary>A denoising run's latest report.</summary>
    public DenoiseProgress? LastDenoiseStep => DenoiseSteps.IsEmpty ? null : DenoiseSteps[^1];

    /// <summary>
    /// Progress in [0, 1]: 1 once completed; a denoising run by its steps; a training run by the batch inside the
    /// current epoch while it runs, else by its completed epochs over <paramref name="plannedEpochs"/> (the request's,
    /// else the start's total).
    /// </summary>
    public double Progress(int? plannedEpochs = null, RunStatus? status = null) =>
        ProgressOf(status ?? Status, LastDenoiseStep, LastBatch, Epochs.Count, Epochs.IsEmpty ? 0 : Epochs[^1].Epoch, plannedEpochs ?? Started?.TotalEpochs ?? 0);

    /// <summary>
    /// The one progress formula, for a view that folds the same events its own way (the live page's state): 1 once
    /// completed; a denoising run by its latest step; a training run by the batch inside the epoch after
    /// <paramref name="lastEpoch"/> while it runs, else by <paramref name="epochsDone"/> over <paramref name="totalEpochs"/>.
    /// </summary>
    public static double ProgressOf(RunStatus? status, DenoiseProgress? lastDenoise, BatchProgress? lastBatch, int epochsDone, int lastEpoch, int totalEpochs)
    {
        if (status is RunStatus.Completed)
            return 1;
        if (lastDenoise is { TotalSteps: > 0 } d)
            return Math.Clamp((double)d.Step / d.TotalSteps, 0, 1);
        if (totalEpochs <= 0)
            return 0;
        if (status is RunStatus.Running && lastBatch is { BatchesPerEpoch: > 0 } b && b.Epoch > lastEpoch)
            return Math.Clamp((b.Epoch - 1 + (double)b.Batch / b.BatchesPerEpoch) / totalEpochs, 0, 1);
        return Math.Clamp((double)epochsDone / totalEpochs, 0, 1);
    }

    /// <summary>The history of <paramref name="events"/>, in order.</summary>
    public static RunProjection Of(IEnumerable<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Empty, (history, e) => history.Apply(e));
    }

    /// <summary>This history with <paramref name="e"/> applied.</summary>
    public RunProjection Apply(RunEvent e) => e switch
    {
        RunQueued => this with { Status = RunStatus.Queued, Message = null },
        RunStarted { Kind: RunKinds.Denoise } s => this with
        {
            Status = RunStatus.Running, Message = null, Started = s, DenoiseSteps = [], Denoised = null, Divergence = null,
        },
        RunStarted s => this with
        {
            Status = RunStatus.Running, Message = null, Started = s, Divergence = null, Evaluation = null, LastBatch = null,
            Epochs = s.ResumedFromEpoch is { } from ? Epochs.RemoveAll(x => x.Epoch > from) : Epochs,
        },
        BatchProgress b => this with { LastBatch = b },
        EpochCompleted c when Epochs.IsEmpty || c.Epoch > Epochs[^1].Epoch => this with { Epochs = Epochs.Add(c) },
        CheckpointSaved c => this with { LastCheckpoint = c },
        RunWarning w => this with { Warnings = Warnings.Add(w.Message) },
        Diverged d => this with { Divergence = d },
        Evaluated v => this with { Evaluation = v },
        DenoiseProgress p => this with { DenoiseSteps = DenoiseSteps.Add(p) },
        DenoiseFinished f => this with { Denoised = f },
        RunEnded end => this with { Status = end.Status, Message = end.Message },
        _ => this,
    };
}
