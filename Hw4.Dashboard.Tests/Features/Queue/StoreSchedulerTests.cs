using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Tests.Integration;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hw4.Dashboard.Tests.Features.Queue;

/// <summary>
/// One scheduler for every kind of run (issue 21): in a team deployment (a real PostgreSQL, one artifacts folder) a
/// denoising run queued on a web instance that does not train becomes a row of the store's job table, and another
/// host claims it and runs it to the end, as it does a training run.
/// </summary>
public sealed class StoreSchedulerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-store-scheduler-").FullName;
    private readonly PostgresTestDatabase _database = new();
    private readonly List<IHostedService> _started = [];
    private ServiceProvider _web = default!;
    private ServiceProvider _worker = default!;

    public async Task InitializeAsync()
    {
        var postgres = await _database.CreateAsync();
        var queue = new QueueOptions { HeartbeatSeconds = 0.5, HeartbeatTimeoutSeconds = 30, PollSeconds = 0.2 };
        _web = await TeamHostServices.BuildTeamHostAsync("web", postgres, _dir, train: false, queue);
        _worker = await TeamHostServices.BuildTeamHostAsync("w1", postgres, _dir, train: true, queue);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _started)
            await service.StopAsync(CancellationToken.None);
        await _web.DisposeAsync();
        await _worker.DisposeAsync();
        await _database.DropAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task DenoiseRun_QueuedOnAWebInstanceThatDoesNotTrain_IsAStoreRow_AndAWorkerRunsItToTheEnd()
    {
        var scheduler = _web.GetRequiredService<IRunScheduler>();
        Assert.IsType<StoreRunScheduler>(scheduler);
        var config = new DenoiseRunConfig
        {
            Options = new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.1, Alpha: 1, Steps: 5),
            Source = "tiny.png",
        };
        var noisy = new RgbImage(8, 8, [.. Enumerable.Range(0, 8 * 8 * 3).Select(i => (byte)(i * 7 % 256))]);

        var (id, error) = _web.GetRequiredService<DenoiseLauncher>().Launch(config, noisy, clean: null);

        Assert.Null(error);
        var row = Assert.Single(await _web.GetRequiredService<StoreJobQueue>().ListAsync());
        Assert.Equal((id, RunKinds.Denoise, (string?)null), (row.RunId, row.Kind, row.Host));
        Assert.Equal(0, _web.GetRequiredService<RunQueue>().Length);
        Assert.Equal([$"1. {id}"], (await scheduler.ListAsync()).Select(e => e.Label));

        // The worker: its device queue's worker and its scheduler's loops (claimer, sweeper).
        await StartAsync<RunQueueWorker>(_worker);
        await StartAsync<RunSchedulerHost>(_worker);

        var dir = _web.GetRequiredService<RunRepository>().TryOpen(id!)!;
        await Eventually.TrueAsync(() => !dir.ReadRun().Status.IsActive(), $"{id} to end on w1", seconds: 60);
        var record = dir.ReadRun();
        Assert.Equal((RunStatus.Completed, "w1", 1L), (record.Status, record.Host, record.Attempt));
        Assert.True(File.Exists(Path.Combine(dir.Path, "output.png")), "the worker wrote the denoised image into the shared folder");
        await Eventually.TrueAsync(async () => (await scheduler.ListAsync()).Count == 0, "the row to leave the store's queue", seconds: 60);
    }

    private async Task StartAsync<T>(IServiceProvider host)
        where T : IHostedService
    {
        var service = host.GetServices<IHostedService>().OfType<T>().Single();
        await service.StartAsync(CancellationToken.None);
        _started.Add(service);
    }
}
