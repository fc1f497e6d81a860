using System.Collections.Concurrent;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Dashboard.Tests.Integration;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Tests.Features.Queue;

/// <summary>
/// A claim lost before its run started (issue 21): two hosts in this process on one real PostgreSQL and one artifacts
/// folder. Host w1 claims a run and holds it on its device queue without starting it (no device worker runs there, as
/// on a host busy or slow to start), beating every 2 s. Host w2's sweeper, with a 0.6 s timeout, judges w1 silent and
/// takes the claim back. The run goes back to the queue with its grant withdrawn, never stopped or interrupted, and
/// w1's next heartbeat takes it off w1's device queue.
/// </summary>
public sealed class ClaimLostBeforeStartTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-claim-lost-").FullName;
    private readonly PostgresTestDatabase _database = new();
    private ServiceProvider _w1 = default!;
    private ServiceProvider _w2 = default!;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _started = [];

    private string Artifacts => Path.Combine(_dir, "runs");

    public async Task InitializeAsync()
    {
        var postgres = await _database.CreateAsync();
        // w1's device worker is never started; w2 judges silence after 0.6 s.
        _w1 = await TeamHostServices.BuildTeamHostAsync("w1", postgres, _dir, train: true, Queue(heartbeatSeconds: 2, timeoutSeconds: 60));
        _w2 = await TeamHostServices.BuildTeamHostAsync("w2", postgres, _dir, train: true, Queue(heartbeatSeconds: 0.2, timeoutSeconds: 0.6));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var loop in _started)
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        await _w1.DisposeAsync();
        await _w2.DisposeAsync();

        await _database.DropAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ClaimedNotStarted_ClaimTakenBySweeper_BackInTheQueueNeverStopped_AndOffTheHoldersDeviceQueue()
    {
        const string id = "20261207-120000-cnn-lost";
        var dir = new RunFolderBuilder(Artifacts).Queued(id);
        var store = _w1.GetRequiredService<StoreJobQueue>();
        Assert.True(store.Enqueue(id, RunKinds.Train, capacity: 16, dir.ReadRun().Attempt));
        var local = _w1.GetRequiredService<RunQueue>();
        // Every change of w1's device queue, as "in" or "out" for the run.
        var held = new ConcurrentQueue<bool>();
        local.Changed += () => held.Enqueue(local.Contains(id));

        Start(_w1.GetRequiredService<StoreJobClaimer>().RunAsync);
        await Eventually.TrueAsync(() => local.Contains(id), "w1 to claim the run onto its device queue");
        var claim = Assert.Single(await store.ListAsync());
        Assert.Equal(("w1", RunStatus.Queued), (claim.Host, dir.ReadRun().Status));

        var w2 = _w2.GetRequiredService<StoreRunScheduler>();
        Start(token => _w2.GetRequiredService<StoreJobSweeper>().RunAsync(w2.Requeue, token));

        // w2 takes the claim back and queues the run again; w1's next heartbeat finds the claim gone and drops the run.
        await Eventually.TrueAsync(() => held.Contains(false), "w1's heartbeat to drop the run from its device queue");
        var record = dir.ReadRun();
        Assert.Equal(RunStatus.Queued, record.Status);
        Assert.Null(record.Message);
        // The withdrawn grant is recorded, so w1 can no longer start the run with it.
        Assert.True(record.Attempt >= claim.Attempt, $"run.json keeps attempt {record.Attempt}, below the withdrawn grant {claim.Attempt}");
        // Back in the store's queue (the sweeper re-adds the row just after removing it). A waiting row grants one more
        // than its attempt at the next claim; a held one (w1, idle again, may have claimed it anew, and w2 may have taken
        // that back too: the queue working) already did. Either way the next start cannot be the withdrawn grant.
        var again = await WaitForRowAsync(store, id);
        var grant = again.Host is null ? again.Attempt + 1 : again.Attempt;
        Assert.True(grant > claim.Attempt, $"the run's next grant is attempt {grant} ({again.Host ?? "waiting"}), after the withdrawn {claim.Attempt}");
    }

    // Starts only this one of a host's loops (the device worker stays off), until the test ends.
    private void Start(Func<CancellationToken, Task> loop) => _started.Add(Task.Run(() => loop(_stop.Token)));

    private static async Task<JobRow> WaitForRowAsync(StoreJobQueue store, string id)
    {
        JobRow? row = null;
        await Eventually.TrueAsync(async () => (row = (await store.ListAsync()).SingleOrDefault(r => r.RunId == id)) is not null,
            $"{id} to be back in the store's queue");
        return row!;
    }

    private static QueueOptions Queue(double heartbeatSeconds, double timeoutSeconds) =>
        new() { HeartbeatSeconds = heartbeatSeconds, HeartbeatTimeoutSeconds = timeoutSeconds, PollSeconds = 0.2 };
}
