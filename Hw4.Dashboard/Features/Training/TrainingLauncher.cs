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
/// its folder at start. A new run's folder (run.json with status queued and its full request) and its place in the queue
/// exist together or not at all: the folder is made first (a crash between the two leaves a queued folder, which the
/// next start queues again) and removed when the queue refuses it or cannot be reached. The queue is this host's device queue with the SQLite store, and the
/// store's shared queue with PostgreSQL (a host's <see cref="StoreJobClaimer"/> then moves it to its device queue).
/// </summary>
public sealed class TrainingLauncher(
    RunQueue queue, StoreJobQueue store, CifarDataProvider data, RunEventNotifier notifier, IOptions<Hw4Options> options,
    IOptions<QueueOptions> queueOptions, TimeProvider time, HostIdentity host, RunRepository runs)
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
        if (!HasRoom)
            return (null, QueueFull);
        var trainer = settings.ToOptions(DeviceResolver.Parse(options.Value.Device));
        var dir = ClassificationRecipe.Queue(ArtifactsDir, trainer, time, runs.Limits);
        bool queued;
        try
        {
            queued = Enqueue(dir);
        }
        catch
        {
            Directory.Delete(dir.Path, recursive: true);
            throw;
        }

        if (queued)
            return (dir.Id, null);
        Directory.Delete(dir.Path, recursive: true);
        return (null, QueueFull);
    }

    /// <summary>
    /// Queues an interrupted, stopped or failed run again, to continue from its newest checkpoint that loads. The
    /// result says why not otherwise (unknown run, wrong status, full queue).
    /// </summary>
    public RunCommandResult Resume(string runId)
    {
        if (runs.TryOpen(runId) is not { } dir)
            return RunCommandResult.NotFound(runId);
        if (!HasRoom)
            return RunCommandResult.Conflict(QueueFull);
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

        return Enqueue(dir) ? RunCommandResult.Accepted($"Run '{runId}' is queued to resume.") : RunCommandResult.Conflict(QueueFull);
    }

    /// <summary>Queues a run whose folder says queued (new, resumed, or found at start); false when the queue is full.</summary>
    public bool Enqueue(RunDirectory dir)
    {
        if (!options.Value.UsesPostgres)
            return EnqueueHere(dir);
        if (!store.Enqueue(dir.Id, RunKinds.Train, queueOptions.Value.Capacity, dir.ReadRun().Attempt))
            return false;
        // The row is the queue; the event tells this host's viewers (and the index) now, not when a host claims it.
        notifier.Publish(new RunQueued(dir.Id, RunKinds.Train, StoredRunJob.Describe(dir), 0));
        return true;
    }

    /// <summary>Puts a run on this host's device queue (a run this host claimed from the store's queue, or any run with SQLite).</summary>
    public bool EnqueueHere(RunDirectory dir, long? attempt = null) => queue.TryEnqueue(new TrainingJob(dir, data, notifier, host.Name, attempt));

    // The store's queue checks its capacity itself, atomically, when the row is added.
    private bool HasRoom => options.Value.UsesPostgres || queue.HasRoom;

    private const string QueueFull = "The queue is full; wait for a run to finish or stop one.";
}
