using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming.Redis;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>Registers the run-event notifier, its pump and the hub.</summary>
public static class StreamingServiceExtensions
{
    /// <summary>
    /// Adds streaming: one notifier singleton, one pump, SignalR; with <c>Hw4:Redis</c> set in
    /// <paramref name="configuration"/>, SignalR's Redis backplane and the Redis exchange of run events between hosts.
    /// </summary>
    public static IServiceCollection AddRunStreaming(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions<StreamingOptions>()
            .BindConfiguration(StreamingOptions.Section)
            .Validate(o => o.DenoiseProgressPerSecond > 0,
                "Hw4:Streaming: DenoiseProgressPerSecond must be positive.")
            .Validate(o => o.BatchMessagesPerSecond > 0,
                "Hw4:Streaming: BatchMessagesPerSecond must be positive.")
            .Validate(o => o.LogCapacityPerRun > 0 && o.MaxRuns > 0,
                "Hw4:Streaming: LogCapacityPerRun and MaxRuns must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RunEventNotifier>();
        services.AddHostedService<RunEventPump>();
        // Statuses travel as their one lower-case word (completed, stopped, …), as in run.json and the API; NaN as "NaN".
        // MessagePack next to it for clients that ask (smaller frames, cheaper to write per connection).
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => RunStatusJson.ApplyTo(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = RunEventMessagePack.Options);

        var redis = configuration?[$"{Hw4Options.Section}:{nameof(Hw4Options.Redis)}"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRunEventExchange, LocalRunEventExchange>();
            return services;
        }

        services.AddSingleton(new RedisConnection(redis));
        services.TryAddSingleton<HostIdentity>();
        services.AddSingleton<StreamingInstance>();
        services.AddSingleton<RedisRunEventExchange>();
        services.AddSingleton<IRunEventExchange>(sp => sp.GetRequiredService<RedisRunEventExchange>());
        services.AddHostedService<RedisRunEventListener>();
        signalR.AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal(RedisRunKeys.SignalRPrefix));
        services.AddOptions<RedisOptions>().Configure<RedisConnection>((o, connection) => o.ConnectionFactory = _ => connection.ConnectAsync());
        return services;
    }
}
