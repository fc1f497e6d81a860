using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Turns a <see cref="TrainRequest"/> into a queued run with a fresh id.</summary>
public sealed class TrainingLauncher(RunQueue queue, ITrainJobFactory jobs, TimeProvider time)
{
    /// <summary>Queues the run; returns its id, or null with a reason when the queue is full.</summary>
    public (string? RunId, string? Error) Launch(TrainRequest request)
    {
        var id = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{request.Model.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..4]}";
        var job = jobs.Create(id, request);
        return queue.TryEnqueue(job) ? (id, null) : (null, "The queue is full; wait for a run to finish or stop one.");
    }
}
