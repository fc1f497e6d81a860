using Hw4.Ml.Lifecycle;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// A long job (a training or a denoising run) for the device queue. The job owns its run's life: it moves the run's
/// status (in its folder, when it has one) and publishes the run's events, <c>RunEnded</c> last.
/// </summary>
public interface IRunJob
{
    /// <summary>The run id (also the run folder name, for a stored run).</summary>
    string RunId { get; }

    /// <summary><c>train</c> or <c>denoise</c> (stored runs), or <c>sweep</c> (a Denoise page sweep, which has no folder).</summary>
    string Kind { get; }

    /// <summary>One line for the queue list.</summary>
    string Description { get; }

    /// <summary>Runs to the end or until <paramref name="cancellationToken"/> asks it to stop; ends the run itself.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ends the run as <paramref name="status"/> without running it (stopped while queued), or after
    /// <see cref="RunAsync"/> threw (failed, with the cause): moves its status and publishes <c>RunEnded</c>.
    /// </summary>
    void End(RunStatus status, string? message);
}
