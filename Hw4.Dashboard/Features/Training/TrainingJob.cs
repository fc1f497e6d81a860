using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Models;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// One training run on the device queue: load (or reuse) the data and hand the run folder to
/// <see cref="ClassificationRecipe"/>, which trains, evaluates, moves the run's status and raises its events; they go
/// to the notifier as they are, the same records metrics.jsonl keeps.
/// </summary>
/// <param name="hostName">This host's name (<see cref="Configuration.HostIdentity"/>), recorded in run.json when the run starts.</param>
/// <param name="attempt">The attempt a scheduler granted (the store's claim), or null: the run's next.</param>
public sealed class TrainingJob(RunDirectory dir, CifarDataProvider data, RunEventNotifier notifier, string hostName, long? attempt = null)
    : StoredRunJob(dir, notifier)
{
    private readonly string _description = Describe(dir);

    /// <inheritdoc />
    public override string Kind => RunKinds.Train;

    /// <inheritdoc />
    public override string Description => _description;

    /// <inheritdoc />
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        Hw4.Ml.Data.CifarData cifar;
        try
        {
            cifar = data.Get(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            End(RunStatus.Stopped, "stopped before it started");
            return;
        }
        catch (InvalidOperationException e)
        {
            End(RunStatus.Failed, e.Message);
            return;
        }

        await ClassificationRecipe.RunAsync(Directory, cifar, Notifier.Publish, cancellationToken, hostName, attempt);
    }
}
