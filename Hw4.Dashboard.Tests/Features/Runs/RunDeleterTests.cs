using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hw4.Dashboard.Tests.Features.Runs;

public class RunDeleterTests : RunStoreServiceTest
{
    private RunDeleter Deleter => Services.GetRequiredService<RunDeleter>();

    private RunQueue Queue => Services.GetRequiredService<RunQueue>();

    private sealed class BlockingJob(string id) : IRunJob
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string RunId => id;

        public string Kind => "train";

        public string Description => id;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        public void End(RunStatus status, string? message)
        {
        }
    }

    [Fact]
    public async Task DeleteAsync_FinishedRun_RemovesFolderAndRowsAndNothingElse()
    {
        var doomed = Files.WriteRun("20261127-070000-cnn-aaaa", valLosses: [1.9]);
        var kept = Files.WriteRun("20261127-080000-cnn-bbbb", valLosses: [1.9]);
        await RunStoreFiles.ReindexAsync(Services);
        Assert.Equal(2, await RunStoreFiles.RowCountAsync(Services, "20261127-070000-cnn-aaaa"));

        var result = await Deleter.DeleteAsync("20261127-070000-cnn-aaaa");

        Assert.True(result.Deleted, result.Message);
        Assert.Equal("Deleted run '20261127-070000-cnn-aaaa'.", result.Message);
        Assert.False(Directory.Exists(doomed));
        Assert.Equal(0, await RunStoreFiles.RowCountAsync(Services, "20261127-070000-cnn-aaaa"));
        Assert.True(File.Exists(Path.Combine(kept, "checkpoints", "model_1.params")));
        Assert.Equal(2, await RunStoreFiles.RowCountAsync(Services, "20261127-080000-cnn-bbbb"));
        Assert.Equal(["20261127-080000-cnn-bbbb"], Directory.GetDirectories(Files.ArtifactsDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DeleteAsync_ActiveRun_RefusesAndKeepsEverything()
    {
        var dir = Files.WriteRun("active-run", status: "completed");
        await RunStoreFiles.ReindexAsync(Services);
        var worker = new RunQueueWorker(Queue, NullLogger<RunQueueWorker>.Instance);
        var job = new BlockingJob("active-run");
        await worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(Queue.TryEnqueue(job));
            await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var result = await Deleter.DeleteAsync("active-run");

            Assert.False(result.Deleted);
            Assert.Equal("Run 'active-run' is training; stop it before deleting it.", result.Message);
            Assert.True(Directory.Exists(dir));
            Assert.Equal(1, await RunStoreFiles.RowCountAsync(Services, "active-run"));
        }
        finally
        {
            job.Release.TrySetResult();
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task DeleteAsync_QueuedRun_Refuses()
    {
        Files.WriteRun("queued-run");
        await RunStoreFiles.ReindexAsync(Services);
        Queue.TryEnqueue(new BlockingJob("queued-run"));

        var result = await Deleter.DeleteAsync("queued-run");

        Assert.Equal(new RunDeleteResult(false, "Run 'queued-run' is queued; stop it before deleting it."), result);
        Assert.True(Directory.Exists(Path.Combine(Files.ArtifactsDir, "queued-run")));
    }

    [Fact]
    public async Task DeleteAsync_RunningRunOwnedByAnotherLiveProcess_RefusesNamingIt()
    {
        using var init = System.Diagnostics.Process.GetProcessById(1);
        var other = new RunOwner(Environment.MachineName, 1, init.StartTime.ToUniversalTime());
        var dir = Files.WriteRun("cli-run", status: "running", owner: other);
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Deleter.DeleteAsync("cli-run");

        Assert.False(result.Deleted);
        Assert.Equal($"Run 'cli-run' is training in process 1 on {Environment.MachineName}; stop it there before deleting it.", result.Message);
        Assert.True(Directory.Exists(dir));
    }

    [Fact]
    public async Task DeleteAsync_RunningRunWhoseProcessIsGone_IsDeleted()
    {
        var dead = new RunOwner(Environment.MachineName, int.MaxValue - 7, DateTimeOffset.UnixEpoch);
        var dir = Files.WriteRun("orphan-run", status: "running", owner: dead);
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Deleter.DeleteAsync("orphan-run");

        Assert.True(result.Deleted, result.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task DeleteAsync_UnreadableRun_IsDeleted()
    {
        var dir = Files.WriteRun("broken-run");
        File.WriteAllText(Path.Combine(dir, "run.json"), "{ nope");
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Deleter.DeleteAsync("broken-run");

        Assert.True(result.Deleted, result.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task DeleteAsync_UnknownRun_SaysSo()
    {
        await RunStoreFiles.ReindexAsync(Services);

        var result = await Deleter.DeleteAsync("ghost");

        Assert.Equal(new RunDeleteResult(false, "No run 'ghost'."), result);
    }
}

/// <summary>The same tests with the index on PostgreSQL.</summary>
public sealed class PostgresRunDeleterTests : RunDeleterTests
{
    protected override bool OnPostgres => true;
}
