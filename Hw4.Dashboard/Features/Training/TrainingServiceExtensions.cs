using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Registers the training launcher, the stopper and the start-up recovery of run folders.</summary>
public static class TrainingServiceExtensions
{
    /// <summary>
    /// Adds <see cref="TrainingLauncher"/>, <see cref="RunStopper"/>, <see cref="RunRecovery"/> and the store-queue hosts
    /// (<see cref="AddStoreQueueHosts"/>). Needs
    /// <c>AddDenoising</c> as well: the recovery queues denoising runs again through their launcher.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddRunRepository();
        services.AddSingleton<CifarDataProvider>();
        services.AddSingleton<TrainingLauncher>();
        services.AddSingleton<RunStopper>();
        // A finished run's metrics.jsonl parsed once for its page (prerender, interactive render, live view's charts).
        services.AddSingleton<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>();
        // Registered before the run store so that its start (the index rebuild) sees the recovered statuses.
        services.AddHostedService<RunRecovery>();
        // After the start: runs of other processes (a CLI train, a worker) whose owner died are interrupted here too.
        services.AddHostedService<RunOwnerSweeper>();
        AddStoreQueueHosts(services);
        return services;
    }

    /// <summary>
    /// With the PostgreSQL store (they do nothing otherwise): the claimer that feeds this host's device from the store's
    /// queue, unless <c>Hw4:Train</c> is false, and the sweeper that marks runs of silent hosts interrupted.
    /// </summary>
    public static IServiceCollection AddStoreQueueHosts(this IServiceCollection services)
    {
        services.AddStoreJobQueue();
        services.AddHostedService<Queue.Store.StoreJobClaimer>();
        services.AddHostedService<Queue.Store.StoreJobSweeper>();
        return services;
    }
}
