using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// The services of one host of a team deployment (PostgreSQL store) as the web host registers them: the device queue,
/// the store's queue with its claimer and sweeper, training and denoising, the run store. Hosted services are
/// registered, not started: a test starts the ones it is about.
/// </summary>
public static class TeamHostServices
{
    public static IServiceCollection AddTeamHost(this IServiceCollection services, Hw4Options options, string dataRoot, QueueOptions? queue = null)
    {
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new StreamingOptions()));
        services.AddSingleton(Options.Create(queue ?? new QueueOptions()));
        services.AddSingleton<RunEventNotifier>();
        services.AddRunQueue();
        services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));
        services.AddSingleton(new DataLocator(null, [dataRoot]));
        services.AddSingleton(Options.Create(options));
        services.AddDenoising();
        services.AddTraining();
        services.AddRunStore(scanAtStart: false);
        return services;
    }

    /// <summary>
    /// One host named <paramref name="name"/> on the store <paramref name="postgres"/> and the artifacts folder
    /// <c>runs</c> under <paramref name="root"/>, its index schema created; nothing of it started.
    /// </summary>
    public static async Task<ServiceProvider> BuildTeamHostAsync(string name, string postgres, string root, bool train, QueueOptions queue)
    {
        var host = new ServiceCollection().AddTeamHost(
            new Hw4Options { ArtifactsDir = Path.Combine(root, "runs"), Device = "cpu", Train = train, Postgres = postgres, HostName = name }, root, queue)
            .BuildServiceProvider();
        await host.GetRequiredService<Hw4.Dashboard.Features.Runs.RunIndex>().InitializeAsync();
        return host;
    }
}
