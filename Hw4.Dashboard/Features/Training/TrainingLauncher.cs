using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Devices;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// Puts training runs on the scheduler: a new run from <see cref="TrainSettings"/> (its folder, run.json queued with its
/// full request, and its place in the queue exist together or not at all: <see cref="RunScheduling.Submit"/>), or a
/// resumed one.
/// </summary>
public sealed class TrainingLauncher(IRunScheduler scheduler, RunEventNotifier notifier, IOptions<Hw4Options> options, TimeProvider time, RunRepository runs)
{
    /// <summary>The artifacts folder.</summary>
    public string ArtifactsDir => RunStorePaths.ArtifactsDir(options.Value);

    /// <summary>Creates and queues a run; its id, or null with a reason when the queue is full (and no folder is left).</summary>
    /// <exception cref="ArgumentException">The trainer refused the request (its message names the option).</exception>
    /// <exception cref="StoreUnavailableException">The store's queue cannot be reached (no folder is left).</exception>
    /// <exception cref="IOException">The folder could not be written (a full disk: no folder is left).</exception>
    public (string? RunId, string? Error) Launch(TrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!scheduler.HasRoom)
            return (null, RunScheduling.QueueFull);
        var trainer = settings.ToOptions(DeviceResolver.Parse(options.Value.Device));
        return scheduler.Submit(ClassificationRecipe.Queue(ArtifactsDir, trainer, time, runs.Limits));
    }

    /// <summary>
    /// Queues an interrupted, stopped or failed run again, to continue from its newest checkpoint that loads. The
    /// result says why not otherwise (unknown run, wrong status, full queue, a store out of reach: the run is then left
    /// stopped, saying so, and can be resumed again).
    /// </summary>
    public RunCommandResult Resume(string runId)
    {
        if (runs.TryOpen(runId) is not { } dir)
            return RunCommandResult.NotFound(runId);
        if (!scheduler.HasRoom)
            return RunCommandResult.Conflict(RunScheduling.QueueFull);
        try
        {
            ClassificationRecipe.Requeue(dir);
        }
        catch (RunStatusChangeException e)
        {
            return RunCommandResult.Conflict($"{e.Message} Only interrupted, stopped or failed runs can be resumed.");
        }
        catch (InvalidDataException e)
        {
            return RunCommandResult.Conflict($"Run '{runId}' is unreadable: {e.Message}");
        }

        try
        {
            if (scheduler.Enqueue(dir))
                return RunCommandResult.Accepted($"Run '{runId}' is queued to resume.");
            Unqueue(dir, "not resumed: the queue was full");
            return RunCommandResult.Conflict(RunScheduling.QueueFull);
        }
        catch (StoreUnavailableException e)
        {
            Unqueue(dir, "not resumed: the store's queue could not be reached");
            return RunCommandResult.Unavailable(e);
        }
    }

    // The folder said queued a moment ago, and no queue holds it: it must not stay queued with nobody to run it.
    private void Unqueue(RunDirectory dir, string why)
    {
        if (dir.Apply(run => run.Record.Status == RunStatus.Queued ? run.Stop(null, $"{why}; resume it again") : null) is { } ended)
            notifier.Publish(ended);
    }
}
