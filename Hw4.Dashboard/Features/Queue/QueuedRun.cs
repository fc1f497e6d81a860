namespace Hw4.Dashboard.Features.Queue;

/// <summary>A job in the queue with its own stop switch.</summary>
public sealed class QueuedRun(IRunJob job) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The job.</summary>
    public IRunJob Job { get; } = job;

    /// <summary>True once the user asked to stop it.</summary>
    public bool StopRequested => _stop.IsCancellationRequested;

    /// <summary>Cancelled by <see cref="Cancel"/>.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Asks the job to stop (or not to start).</summary>
    public void Cancel() => _stop.Cancel();

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();
}
