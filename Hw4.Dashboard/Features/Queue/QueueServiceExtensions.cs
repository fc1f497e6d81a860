using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>Registers the device queue, its worker, and the scheduler chosen for the configured store.</summary>
public static class QueueServiceExtensions
{
    /// <summary>
    /// Adds <see cref="RunQueue"/> and its <see cref="RunQueueWorker"/>, and <see cref="IRunScheduler"/>: the store's
    /// (<see cref="StoreRunScheduler"/>, its claimer and sweeper run by <see cref="RunSchedulerHost"/>) when
    /// <c>Hw4:Postgres</c> is set, else this host's queue (<see cref="LocalRunScheduler"/>). The features register the
    /// jobs of their kinds (<see cref="IRunJobFactory"/>).
    /// </summary>
    public static IServiceCollection AddRunQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>()
            .BindConfiguration(QueueOptions.Section)
            .Validate(o => o.Capacity > 0, "Hw4:Queue:Capacity must be positive.")
            .Validate(o => o.HeartbeatSeconds > 0 && o.PollSeconds > 0 && o.HeartbeatTimeoutSeconds >= 2 * o.HeartbeatSeconds,
                "Hw4:Queue: HeartbeatSeconds and PollSeconds must be positive and HeartbeatTimeoutSeconds at least twice HeartbeatSeconds.")
            .ValidateOnStart();
        services.AddRunRepository();
        services.TryAddSingleton<HostIdentity>();
        services.TryAddSingleton<RunQueue>();
        services.AddHostedService<RunQueueWorker>();
        services.AddSingleton<RunJobs>();
        services.AddSingleton<RunStopper>();
        services.AddSingleton<LocalRunScheduler>();
        services.AddStoreJobQueue();
        services.AddSingleton<StoreJobClaimer>();
        services.AddSingleton<StoreJobSweeper>();
        services.AddSingleton<StoreRunScheduler>();
        // The one place that asks which store is configured.
        services.AddSingleton<IRunScheduler>(sp => sp.GetRequiredService<IOptions<Hw4Options>>().Value.UsesPostgres
            ? sp.GetRequiredService<StoreRunScheduler>()
            : sp.GetRequiredService<LocalRunScheduler>());
        services.AddHostedService<RunSchedulerHost>();
        return services;
    }

    /// <summary>Adds the PostgreSQL store's job table (idempotent). Never connects unless <c>Hw4:Postgres</c> is set and a run is queued.</summary>
    public static IServiceCollection AddStoreJobQueue(this IServiceCollection services)
    {
        services.TryAddSingleton<Hw4.Dashboard.Store.StoreContextFactory>();
        services.TryAddSingleton<StoreJobQueue>();
        return services;
    }
}
