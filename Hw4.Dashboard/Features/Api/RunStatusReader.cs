using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// Where one run stands, folded exactly as the run page folds it (<see cref="RunLiveState"/>): from the live event log
/// when this process saw the run, else from the index (CLI runs, runs from before a restart); the queue decides queued.
/// </summary>
public sealed class RunStatusReader(RunQueue queue, RunEventNotifier notifier, RunIndex index)
{
    /// <summary>The status of <paramref name="runId"/>, or null when neither the queue, the log nor the index knows it.</summary>
    public async Task<RunStatusResponse?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        var state = new RunLiveState(runId);
        var known = false;
        if (notifier.Log.LastSeq(runId) > 0)
        {
            state.Apply(notifier.Log.Since(runId, null));
            known = true;
        }
        else if (await index.GetAsync(runId, cancellationToken) is { } record)
        {
            state.Seed(record, []);
            known = true;
        }

        var waiting = queue.Waiting.Any(w => w.Job.RunId == runId);
        var active = queue.Active?.Job.RunId == runId;
        if (!known && !waiting && !active)
            return null;

        // The queue is the authority on runs that have not ended: the log may hold only RunQueued yet.
        var status = active && !IsTerminal(state.Status) ? "running" : waiting ? "queued" : state.Status;
        var last = state.Epochs.Count > 0 ? state.Epochs[^1] : null;
        return new RunStatusResponse(
            runId,
            status,
            state.TotalEpochs > 0 ? state.TotalEpochs : null,
            state.Epochs.Count,
            last is { ValLoss: var v } && double.IsFinite(v) ? v : null,
            state.Evaluation?.Accuracy,
            state.Progress,
            state.LastSeq,
            state.Message,
            RunsApi.PagePath(runId));
    }

    private static bool IsTerminal(string status) => status is "finished" or "stopped" or "failed" or "diverged";
}
