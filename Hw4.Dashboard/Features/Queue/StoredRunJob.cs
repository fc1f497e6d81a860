using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// A job for a run with a folder (training or denoising): its recipe moves the run while it runs; <see cref="End"/>
/// ends one that never started (stopped while queued, or its job failed before the recipe took it), through the
/// <see cref="Run"/> aggregate, and publishes the <c>RunEnded</c> it returns.
/// </summary>
public abstract class StoredRunJob(RunDirectory dir, RunEventNotifier notifier) : IRunJob
{
    /// <summary>The run folder.</summary>
    protected RunDirectory Directory => dir;

    /// <summary>The notifier the run's events go to.</summary>
    protected RunEventNotifier Notifier => notifier;

    /// <inheritdoc />
    public string RunId => dir.Id;

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>The queue list's line for the run in <paramref name="dir"/> (its id when run.json is unreadable).</summary>
    public static string Describe(RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        try
        {
            return Run.Describe(dir.ReadRun());
        }
        catch (InvalidDataException)
        {
            return dir.Id;
        }
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message)
    {
        try
        {
            // Only a run that never started: a started one is its attempt's to end (or another host's, by now).
            var ended = dir.Apply(run => run.Record.Status == RunStatus.Queued ? run.Finish(null, status, message) : null);
            if (ended is not null)
                notifier.Publish(ended);
        }
        catch (Exception e) when (e is RunStatusChangeException or InvalidDataException)
        {
            // It had ended already, or its run.json is unreadable (the index shows why): nothing to correct.
        }
    }
}
