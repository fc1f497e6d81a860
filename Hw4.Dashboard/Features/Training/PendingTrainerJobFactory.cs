using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// Stand-in until Hw4.Ml.Training is merged: the run is queued like a real one and then fails with a clear message,
/// so the form, queue and live view can be exercised end to end.
/// </summary>
public sealed class PendingTrainerJobFactory : ITrainJobFactory
{
    /// <inheritdoc />
    public IRunJob Create(string runId, TrainRequest request) => new Job(runId, request);

    private sealed class Job(string runId, TrainRequest request) : IRunJob
    {
        public string RunId => runId;

        public string Kind => "train";

        public string Description => $"{request.Model} × {request.Epochs} epochs";

        public Task RunAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("Training from the dashboard needs Hw4.Ml.Training, which this build does not include yet.");
    }
}
