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
/// Puts training runs on the device queue: a new run from <see cref="TrainSettings"/>, a resumed one, or one found
/// queued in its folder at start. A run's folder (run.json with status queued and its full request) exists before it
/// is queued, so a crash never loses a run that was accepted.
/// </summary>
public sealed class TrainingLauncher(
    RunQueue queue, CifarDataProvider data, RunEventNotifier notifier, IOptions<Hw4Options> options, TimeProvider time)
{
    /// <summary>The runs folder.</summary>
    public string RunsDir => RunStorePaths.RunsDir(options.Value);

    /// <summary>Creates and queues a run; its id, or null with a reason when the queue is full.</summary>
    /// <exception cref="ArgumentException">The trainer refused the request (its message names the option).</exception>
    public (string? RunId, string? Error) Launch(TrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!queue.HasRoom)
            return (null, QueueFull);
        var trainer = settings.ToOptions(DeviceResolver.Parse(options.Value.Device));
        var dir = ClassificationRecipe.Queue(RunsDir, trainer, time.GetUtcNow());
        if (Enqueue(dir))
            return (dir.Id, null);
        dir.Transition(RunStatus.Failed, r => r with { Message = QueueFull, FinishedUtc = time.GetUtcNow() });
        return (null, QueueFull);
    }

    /// <summary>
    /// Queues an interrupted, stopped or failed run again, to continue from its newest checkpoint that loads. The
    /// result says why not otherwise (unknown run, wrong status, full queue).
    /// </summary>
    public RunCommandResult Resume(string runId)
    {
        if (!RunId.IsValid(runId) || !Directory.Exists(Path.Combine(RunsDir, runId)))
            return RunCommandResult.NotFound(runId);
        if (!queue.HasRoom)
            return RunCommandResult.Conflict(QueueFull);
        var dir = RunDirectory.Open(Path.Combine(RunsDir, runId));
        try
        {
            ClassificationRecipe.Requeue(dir, time.GetUtcNow());
        }
        catch (RunStatusChangeException e)
        {
            return RunCommandResult.Conflict($"{e.Message} Only interrupted, stopped or failed runs can be resumed.");
        }
        catch (InvalidDataException e)
        {
            return RunCommandResult.Conflict($"Run '{runId}' is unreadable: {e.Message}");
        }

        return Enqueue(dir) ? RunCommandResult.Accepted($"Run '{runId}' is queued to resume.") : RunCommandResult.Conflict(QueueFull);
    }

    /// <summary>Queues a run whose folder says queued (found at start); false when the queue is full.</summary>
    public bool Enqueue(RunDirectory dir) => queue.TryEnqueue(new TrainingJob(dir, data, notifier, time));

    private const string QueueFull = "The queue is full; wait for a run to finish or stop one.";
}
