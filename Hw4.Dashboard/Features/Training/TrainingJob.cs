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
/// <param name="hostName">This host's name (<see cref="Queue.Store.HostIdentity"/>), recorded in run.json when the run starts.</param>
public sealed class TrainingJob(RunDirectory dir, CifarDataProvider data, RunEventNotifier notifier, TimeProvider time, string hostName) : IRunJob
{
    private readonly string _description = Describe(dir);

    /// <inheritdoc />
    public string RunId => dir.Id;

    /// <inheritdoc />
    public string Kind => RunKinds.Train;

    /// <inheritdoc />
    public string Description => _description;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
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

        await ClassificationRecipe.RunAsync(dir, cifar, notifier.Publish, cancellationToken, hostName);
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message)
    {
        try
        {
            dir.Transition(status, r => r with { Message = message, FinishedUtc = time.GetUtcNow(), Owner = null });
        }
        catch (RunStatusChangeException)
        {
            // It had ended already (the recipe wrote its own end): nothing to correct.
            return;
        }

        notifier.Publish(new RunEnded(dir.Id, status, message, 0));
    }

    /// <summary>The queue list's line for the run in <paramref name="dir"/> (its id when run.json is unreadable).</summary>
    public static string Describe(RunDirectory dir)
    {
        try
        {
            var options = dir.ReadRun().TrainingConfig();
            return $"{ModelFactory.Name(options.Model)} × {options.Epochs} epochs, lr {options.LearningRate:G3}";
        }
        catch (InvalidDataException)
        {
            return dir.Id;
        }
    }
}
