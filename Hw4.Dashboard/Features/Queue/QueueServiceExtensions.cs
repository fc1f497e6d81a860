namespace Hw4.Dashboard.Features.Queue;

/// <summary>Registers the device queue and its single worker.</summary>
public static class QueueServiceExtensions
{
    /// <summary>Adds <see cref="RunQueue"/> and <see cref="RunQueueWorker"/>.</summary>
    public static IServiceCollection AddRunQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>()
            .BindConfiguration(QueueOptions.Section)
            .Validate(o => o.Capacity > 0, "Hw4:Queue:Capacity must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RunQueue>();
        services.AddHostedService<RunQueueWorker>();
        return services;
    }
}
