using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Devices;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// Puts training runs on the queue: a new run from <see cref="TrainSettings"/>, a resumed one, or one found queued in
/// its folder at start. A run's folder (run.json with status queued and its full request) exists before it is queued,
/// so a crash never loses a run that was accepted. The queue is this host's device queue with the SQLite store, and the
/// store's shared queue with PostgreSQL (a host's <see cref="StoreJobClaimer"/> then moves it to its device queue).
/// </summary>
public sealed class TrainingLauncher(
    RunQueue queue, StoreJobQueue store, CifarDataProvider data, RunEventNotifier notifier, IOptions<Hw4Options> options,
    IOptions<QueueOptions> queueOptions, TimeProvider time, HostIdentity host)
{
    /// <summary>The artifacts folder.</summary>
    public string ArtifactsDir => RunStorePaths.ArtifactsDir(options.Value);

    /// <summary>The caps run files are read within (<see cref="Hw4Options.RunFiles"/>).</summary>
    public RunFileLimits Limits => options.Value.RunFiles;

    /// <summary>Creates and queues a run; its id, or null with a reason when the queue is full.</summary>
    /// <exception cref="ArgumentException">The trainer refused the request (its message names the option).</exception>
    public (string? RunId, string? Error) Launch(TrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!HasRoom)
            return (null, QueueFull);
        var trainer = settings.ToOptions(DeviceResolver.Parse(options.Value.Device));
        var dir = ClassificationRecipe.Queue(ArtifactsDir, trainer, time.GetUtcNow(), Limits);
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
        if (!RunId.IsValid(runId) || !Directory.Exists(Path.Combine(ArtifactsDir, runId)))
            return RunCommandResult.NotFound(runId);
        if (!HasRoom)
            return RunCommandResult.Conflict(QueueFull);
        var dir = RunDirectory.Open(Path.Combine(ArtifactsDir, runId), Limits);
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

    /// <summary>Queues a run whose folder says queued (new, resumed, or found at start); false when the queue is full.</summary>
    public bool Enqueue(RunDirectory dir)
    {
        if (!options.Value.UsesPostgres)
            return EnqueueHere(dir);
        if (!store.Enqueue(dir.Id, RunKinds.Train, queueOptions.Value.Capacity))
            return false;
        // The row is the queue; the event tells this host's viewers (and the index) now, not when a host claims it.
        notifier.Publish(new RunQueued(dir.Id, RunKinds.Train, TrainingJob.Describe(dir), 0));
        return true;
    }

    /// <summary>Puts a run on this host's device queue (a run this host claimed from the store's queue, or any run with SQLite).</summary>
    public bool EnqueueHere(RunDirectory dir) => queue.TryEnqueue(new TrainingJob(dir, data, notifier, time, host.Name));

    // The store's queue checks its capacity itself, atomically, when the row is added.
    private bool HasRoom => options.Value.UsesPostgres || queue.HasRoom;

    private const string QueueFull = "The queue is full; wait for a run to finish or stop one.";
}
