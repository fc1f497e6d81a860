using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Hosting;

/// <summary>
/// What <c>Hw4.Dashboard worker [--device cuda] [--name N] [--Hw4:…]</c> runs (the verb is <c>Cli/Verbs/WorkerVerb</c>): a host with no web UI that runs training and denoising runs from the
/// PostgreSQL store's queue (<see cref="Features.Queue.Store.StoreJobClaimer"/>), heartbeats, keeps the shared index
/// current and publishes its runs' events (through the Redis backplane when <c>Hw4:Redis</c> is set). Stops on Ctrl+C
/// or SIGTERM; a run it was training then ends stopped, and one it loses to SIGKILL becomes interrupted on another host
/// after the heartbeat timeout.
/// </summary>
public static class WorkerHost
{
    /// <summary>
    /// Runs the worker with <paramref name="settings"/> (<c>--Hw4:Key value</c> pairs, as the <c>worker</c> verb maps its
    /// options) until shutdown; 0 after a clean stop, 2 on bad configuration.
    /// </summary>
    public static async Task<int> RunAsync(string[] settings, TextWriter stdout, TextWriter stderr)
    {
        Hw4.Ml.Runtime.OpenMpSettings.PreferPassiveWait();
        Hw4.Ml.Runtime.MallocSettings.EnsureConfigured();
        IHost host;
        try
        {
            host = Build(settings);
            var options = host.Services.GetRequiredService<IOptions<Hw4Options>>().Value;
            if (!options.UsesPostgres)
            {
                await stderr.WriteLineAsync("worker: needs the shared store: set --Hw4:Postgres to the dashboard's PostgreSQL connection string.");
                return ExitCodes.BadInput;
            }

            await host.StartAsync();
            var name = host.Services.GetRequiredService<HostIdentity>().Name;
            var device = host.Services.GetRequiredService<DeviceContext>().Name;
            await stdout.WriteLineAsync($"Hw4 Lab worker {name} on {device}: taking runs from the store's queue (runs in {RunStorePaths.ArtifactsDir(options)})");
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync($"worker: {string.Join("; ", e.Failures)}");
            return ExitCodes.BadInput;
        }
        catch (StartupConfigurationException e)
        {
            await stderr.WriteLineAsync($"worker: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (host)
            await host.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The worker's services: the web host's, less pages, endpoints, sign-in and start-up recovery.</summary>
    public static IHost Build(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(settings);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        var services = builder.Services;
        services.AddHw4Core();
        services.AddRunStreaming(builder.Configuration);
        services.AddRunQueue();
        services.AddTrainingJobs();
        services.AddDenoiseJobs();
        services.AddRunStore();
        return builder.Build();
    }
}
