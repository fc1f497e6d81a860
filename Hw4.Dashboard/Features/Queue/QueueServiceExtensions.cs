using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>Registers the device queue and its single worker, and the PostgreSQL store's shared queue.</summary>
public static class QueueServiceExtensions
{
    /// <summary>Adds <see cref="RunQueue"/> and <see cref="RunQueueWorker"/>.</summary>
    public static IServiceCollection AddRunQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>()
            .BindConfiguration(QueueOptions.Section)
            .Validate(o => o.Capacity > 0, "Hw4:Queue:Capacity must be positive.")
            .Validate(o => o.HeartbeatSeconds > 0 && o.PollSeconds > 0 && o.HeartbeatTimeoutSeconds >= 2 * o.HeartbeatSeconds,
                "Hw4:Queue: HeartbeatSeconds and PollSeconds must be positive and HeartbeatTimeoutSeconds at least twice HeartbeatSeconds.")
            .ValidateOnStart();
        services.AddRunRepository();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<QueueListing>();
        services.AddHostedService<RunQueueWorker>();
        return services.AddStoreJobQueue();
    }

    /// <summary>
    /// Adds the PostgreSQL store's shared queue and this host's name in it (idempotent: both the queue and training
    /// need it). Unused, and never connecting, unless <c>Hw4:Postgres</c> is set.
    /// </summary>
    public static IServiceCollection AddStoreJobQueue(this IServiceCollection services)
    {
        services.TryAddSingleton<Runs.Store.StoreContextFactory>();
        services.TryAddSingleton<Store.StoreJobQueue>();
        services.TryAddSingleton<Store.HostIdentity>();
        return services;
    }
}
