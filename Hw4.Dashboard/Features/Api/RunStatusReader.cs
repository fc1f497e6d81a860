using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// Where one run stands: the run's folder is the truth for its status, epochs and evaluation (run.json is final before
/// the events that announce it); the live event log adds batch-level progress while it runs. A run with no folder (a
/// denoising job) is folded from the log alone.
/// </summary>
public sealed class RunStatusReader(RunEventNotifier notifier, RunRepository runs)
{
    // Why the run ended as it did, and why its evaluation cannot be read (the run keeps its status then).
    private static string? Message(RunSummary run) =>
        string.Join("; ", new[] { run.Record?.Message, run.EvaluationProblem }.OfType<string>()) is { Length: > 0 } message ? message : null;

    /// <summary>The status of <paramref name="runId"/>, or null when neither its folder nor the log knows it.</summary>
    public RunStatusResponse? Read(string runId)
    {
        var lastSeq = notifier.Log.LastSeq(runId);
        // The live log's events by the one fold, read only where used (no chart is built for an API read).
        RunProjection Live() => RunProjection.Of(notifier.Log.Since(runId, null).Events.Select(e => e.Event));

        if (runs.TryOpen(runId) is { } dir)
        {
            var run = RunDirectoryReader.Read(dir.Path, runs.Limits);
            var planned = run.Record?.Config?.Epochs;
            // The folder's fold, or the live log's while it runs (its batches are newer than the folder's last line).
            var progress = run.Record?.Status is RunStatus.Running && lastSeq > 0 ? Live().Progress() : run.Progress;
            var last = run.Epochs.Count > 0 ? run.Epochs[^1].ValLoss : double.NaN;
            return new RunStatusResponse(
                runId, run.StatusText, planned, run.Epochs.Count, double.IsFinite(last) ? last : null, run.TestAccuracy,
                progress, lastSeq, run.Problem ?? Message(run), RunsApi.PagePath(runId), run.EpochNumbers, run.Record?.Host);
        }

        if (lastSeq == 0)
            return null;
        var live = Live();
        return new RunStatusResponse(
            runId, live.StatusText, live.Started?.TotalEpochs is > 0 and var total ? total : null, live.Epochs.Count, null,
            live.Evaluation?.Summary.Accuracy, live.Progress(), lastSeq, live.Message, RunsApi.PagePath(runId), [.. live.Epochs.Select(e => e.Epoch)]);
    }
}
