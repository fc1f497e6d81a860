namespace Hw4.Dashboard.Features.Streaming;

/// <summary>Registers the run-event notifier, its pump and the hub.</summary>
public static class StreamingServiceExtensions
{
    /// <summary>Adds streaming: one notifier singleton, one pump, SignalR.</summary>
    public static IServiceCollection AddRunStreaming(this IServiceCollection services)
    {
        services.AddOptions<StreamingOptions>()
            .BindConfiguration(StreamingOptions.Section)
            .Validate(o => o.DenoiseProgressPerSecond > 0,
                "Hw4:Streaming: DenoiseProgressPerSecond must be positive.")
            .Validate(o => o.BatchProgressPerSecond >= 0,
                "Hw4:Streaming: BatchProgressPerSecond must be 0 (every batch) or positive.")
            .Validate(o => o.LogCapacityPerRun > 0 && o.MaxRuns > 0,
                "Hw4:Streaming: LogCapacityPerRun and MaxRuns must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RunEventNotifier>();
        services.AddHostedService<RunEventPump>();
        services.AddSingleton<ViewerConnections>();
        // Statuses travel as their one lower-case word (completed, stopped, …), as in run.json and the API; NaN as "NaN".
        // MessagePack next to it for clients that ask (smaller frames, cheaper to write per connection).
        services.AddSignalR()
            .AddJsonProtocol(o => RunStatusJson.ApplyTo(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = RunEventMessagePack.Options);
        return services;
    }
}
