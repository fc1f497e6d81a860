using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Makes <see cref="TrainingJob"/>s for the schedulers.</summary>
public sealed class TrainingJobFactory(CifarDataProvider data, RunEventNotifier notifier, HostIdentity host) : IRunJobFactory
{
    /// <inheritdoc />
    public string Kind => RunKinds.Train;

    /// <inheritdoc />
    public IRunJob Create(RunDirectory dir, long? attempt) => new TrainingJob(dir, data, notifier, host.Name, attempt);
}
