using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>
/// Everything known about one run folder, put together by <see cref="RunDirectoryReader"/>: what the index stores, what
/// the API answers and what a run page starts from. A folder that cannot be read whole still gives a summary, with
/// <see cref="Problem"/> saying why.
/// </summary>
/// <param name="Id">Run id (the folder name).</param>
/// <param name="Directory">The run folder.</param>
/// <param name="Record">run.json, or null when it cannot be read.</param>
/// <param name="Epochs">Completed epochs in order, each exactly once (an attempt's epochs after the checkpoint a resume went back to are dropped).</param>
/// <param name="Best">The best epoch by <see cref="BestEpoch"/>, or null.</param>
/// <param name="TestAccuracy">Test accuracy from evaluation.json, or null.</param>
/// <param name="Divergence">Where the run diverged, when it did.</param>
/// <param name="Warnings">Warnings raised during the run (metrics.jsonl), oldest first.</param>
/// <param name="Notes">The user's tags and notes.</param>
/// <param name="Problem">Why the folder is unreadable (a damaged run.json, notes.json or metrics.jsonl), or null.</param>
public sealed record RunSummary(
    string Id,
    string Directory,
    RunRecord? Record,
    IReadOnlyList<EpochMetrics> Epochs,
    EpochMetrics? Best,
    double? TestAccuracy,
    Diverged? Divergence,
    IReadOnlyList<string> Warnings,
    RunNotes Notes,
    string? Problem)
{
    /// <summary>The status word shown everywhere: run.json's status, or <c>unreadable</c>.</summary>
    public string StatusText => Problem is not null || Record is null ? Unreadable : Record.Status.Name();

    /// <summary>The word for a folder whose files cannot be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>
    /// Why evaluation.json cannot be read (damaged, refused, inconsistent), or null: the run keeps its status and
    /// epochs, and only its test figures are missing.
    /// </summary>
    public string? EvaluationProblem { get; init; }

    /// <summary>A denoising run's latest progress report (its curves' last point), or null.</summary>
    public DenoiseProgress? LastDenoiseStep { get; init; }

    /// <summary>A denoising run's end figures (PSNR, loss, steps, whether output.png exists), once it ended; else null.</summary>
    public DenoiseFinished? Denoised { get; init; }

    /// <summary>Progress in [0, 1] as the run's events and run.json say (<see cref="RunProjection.Progress"/>).</summary>
    public double Progress { get; init; }

    /// <summary>The PSNR (dB) a denoising run reached: its end figure, else its latest report; null without a reference.</summary>
    public double? DenoisePsnr => Denoised is { } d ? d.PsnrOutput : LastDenoiseStep?.Psnr;

    /// <summary>The numbers of the completed epochs, in order.</summary>
    public IReadOnlyList<int> EpochNumbers => Epochs.Select(e => e.Epoch).ToList();
}
