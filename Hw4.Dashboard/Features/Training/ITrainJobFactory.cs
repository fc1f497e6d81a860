using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Builds the queue job that trains one request (bridges the dashboard to Hw4.Ml's trainer).</summary>
public interface ITrainJobFactory
{
    /// <summary>A job for <paramref name="request"/> writing to the run folder <paramref name="runId"/>.</summary>
    IRunJob Create(string runId, TrainRequest request);
}
