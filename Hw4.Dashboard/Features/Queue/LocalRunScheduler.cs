using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>The embedded default (no <c>Hw4:Postgres</c>): runs wait on this host's device queue, in this process.</summary>
public sealed class LocalRunScheduler(RunQueue queue, RunJobs jobs) : IRunScheduler
{
    /// <inheritdoc />
    public bool IsShared => false;

    /// <inheritdoc />
    public bool HasRoom => queue.HasRoom;

    /// <inheritdoc />
    public bool Enqueue(RunDirectory dir) => queue.TryEnqueue(jobs.Create(dir));

    /// <inheritdoc />
    public StopRequestOutcome Stop(string runId) => queue.Stop(runId) ? StopRequestOutcome.StoppedHere : StopRequestOutcome.NotQueued;

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueEntry>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueEntry>>(
        [
            .. queue.Active is { } a ? new[] { new QueueEntry(a.Job.RunId, $"{a.Job.RunId} (running)", true) } : [],
            .. queue.Waiting.Select((w, i) => new QueueEntry(w.Job.RunId, $"{i + 1}. {w.Job.RunId}", false)),
        ]);

    /// <inheritdoc />
    public Task RunAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
