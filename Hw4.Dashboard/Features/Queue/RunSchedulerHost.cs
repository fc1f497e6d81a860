namespace Hw4.Dashboard.Features.Queue;

/// <summary>Runs the chosen scheduler's own loops (<see cref="IRunScheduler.RunAsync"/>) for the host's lifetime.</summary>
public sealed class RunSchedulerHost(IRunScheduler scheduler) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => scheduler.RunAsync(stoppingToken);
}
