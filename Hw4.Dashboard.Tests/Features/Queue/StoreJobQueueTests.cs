using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Store;
using Hw4.Dashboard.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Queue;

/// <summary>The job queue rows on a real PostgreSQL server: claims, heartbeats, stop requests and expiry.</summary>
public sealed class StoreJobQueueTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private ServiceProvider _services = default!;

    private StoreJobQueue Queue => _services.GetRequiredService<StoreJobQueue>();

    public async Task InitializeAsync()
    {
        var options = new Hw4Options { Postgres = await _database.CreateAsync(), ArtifactsDir = Path.GetTempPath() };
        _services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton(Options.Create(options))
            .AddRunStore(scanAtStart: false).AddSingleton<StoreJobQueue>().BuildServiceProvider();
        await _services.GetRequiredService<RunIndex>().InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task ClaimNext_FourHostsAtOnce_EveryRunClaimedByExactlyOneHostOldestFirst()
    {
        var ids = Enumerable.Range(0, 24).Select(i => $"run-{i:D2}").ToList();
        foreach (var id in ids)
            Assert.True(Queue.Enqueue(id, "train", capacity: 100));

        async Task<List<string>> ClaimAllAsync(string host)
        {
            var mine = new List<string>();
            while (await Queue.ClaimNextAsync(host) is { } job)
            {
                Assert.Equal(host, job.Host);
                mine.Add(job.RunId);
            }

            return mine;
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(h => Task.Run(() => ClaimAllAsync($"host-{h}"))));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(ids, all.Order(StringComparer.Ordinal));
        // Each host took its runs in queue order.
        Assert.All(claims, c => Assert.Equal(c.Order(StringComparer.Ordinal), c));
        Assert.Null(await Queue.ClaimNextAsync("late-host"));
        Assert.All(await Queue.ListAsync(), j => Assert.NotNull(j.Host));
    }

    [Fact]
    public async Task Enqueue_FullQueue_RefusesAndKeepsTheRowsThatWait()
    {
        Assert.True(Queue.Enqueue("a", "train", capacity: 2));
        Assert.True(Queue.Enqueue("b", "train", capacity: 2));
        Assert.True(Queue.Enqueue("a", "train", capacity: 2));

        Assert.False(Queue.Enqueue("c", "train", capacity: 2));
        Assert.Equal(["a", "b"], (await Queue.ListAsync()).Select(j => j.RunId));
    }

    [Fact]
    public async Task RequestStop_WaitingRun_RemovesItAndNoHostClaimsIt()
    {
        Queue.Enqueue("waiting", "train", 10);

        Assert.Equal(StopRequestOutcome.RemovedWhileWaiting, Queue.RequestStop("waiting"));
        Assert.Null(await Queue.ClaimNextAsync("h"));
        Assert.Equal(StopRequestOutcome.NotQueued, Queue.RequestStop("waiting"));
    }

    [Fact]
    public async Task RequestStop_HeldRun_TheHolderLearnsItWithItsNextHeartbeat()
    {
        Queue.Enqueue("held", "train", 10);
        var claim = (await Queue.ClaimNextAsync("worker-1"))!;
        Assert.Equal(HeartbeatOutcome.Held, await Queue.HeartbeatAsync("held", "worker-1", claim.Attempt));

        Assert.Equal(StopRequestOutcome.SignalledHolder, Queue.RequestStop("held"));

        Assert.Equal(HeartbeatOutcome.StopRequested, await Queue.HeartbeatAsync("held", "worker-1", claim.Attempt));
        Assert.Equal(HeartbeatOutcome.Lost, await Queue.HeartbeatAsync("held", "someone-else", claim.Attempt));
        await Queue.FinishAsync("held", "worker-1", claim.Attempt);
        Assert.Empty(await Queue.ListAsync());
    }

    [Fact]
    public async Task ClaimNext_EachClaim_GrantsTheNextAttemptOfTheRun()
    {
        Queue.Enqueue("run", "train", 10, attempt: 4);

        var first = (await Queue.ClaimNextAsync("host-a"))!;
        Assert.Equal(5, first.Attempt);
        Assert.True(await Queue.ExpireAsync(first));
        Queue.Enqueue("run", "train", 10, attempt: first.Attempt);
        var second = (await Queue.ClaimNextAsync("host-b"))!;

        Assert.Equal(6, second.Attempt);
        // The first holder's heartbeat names its own attempt: it has lost the run, even under the same host name.
        Assert.Equal(HeartbeatOutcome.Lost, await Queue.HeartbeatAsync("run", "host-a", first.Attempt));
        Assert.Equal(HeartbeatOutcome.Held, await Queue.HeartbeatAsync("run", "host-b", second.Attempt));
    }

    [Fact]
    public async Task Expire_AHeartbeatCameAfterTheJudgement_KeepsTheRow()
    {
        Queue.Enqueue("run", "train", 10);
        await Queue.ClaimNextAsync("host");
        var judged = Assert.Single(await Queue.HeldAsync());
        await Task.Delay(50);
        Assert.Equal(HeartbeatOutcome.Held, await Queue.HeartbeatAsync("run", "host", judged.Attempt));

        Assert.False(await Queue.ExpireAsync(judged));
        Assert.True(await Queue.ExpireAsync(Assert.Single(await Queue.HeldAsync())));
        Assert.Empty(await Queue.ListAsync());
    }
}
