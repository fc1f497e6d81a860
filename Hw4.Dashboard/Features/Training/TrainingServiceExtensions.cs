namespace Hw4.Dashboard.Features.Training;

/// <summary>Registers the training launcher, the stopper and the start-up recovery of run folders.</summary>
public static class TrainingServiceExtensions
{
    /// <summary>
    /// Adds <see cref="TrainingLauncher"/>, <see cref="RunStopper"/> and <see cref="RunRecovery"/>. Needs
    /// <c>AddDenoising</c> as well: the recovery queues denoising runs again through their launcher.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddSingleton<CifarDataProvider>();
        services.AddSingleton<TrainingLauncher>();
        services.AddSingleton<RunStopper>();
        // A finished run's metrics.jsonl parsed once for its page (prerender, interactive render, live view's charts).
        services.AddSingleton<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>();
        // Registered before the run store so that its start (the index rebuild) sees the recovered statuses.
        services.AddHostedService<RunRecovery>();
        return services;
    }
}
