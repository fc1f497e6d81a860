namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// A long job (a training or a denoising run) for the device queue. It runs on the queue's worker; the job publishes
/// its own progress through the notifier and honours the token for Stop.
/// </summary>
public interface IRunJob
{
    /// <summary>The run id (also the run folder name).</summary>
    string RunId { get; }

    /// <summary><c>train</c> or <c>denoise</c>.</summary>
    string Kind { get; }

    /// <summary>One line for the queue list.</summary>
    string Description { get; }

    /// <summary>Runs to the end or until <paramref name="cancellationToken"/> asks it to stop.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
