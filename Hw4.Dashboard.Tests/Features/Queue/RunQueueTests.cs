using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Queue;

public sealed class RunQueueTests
{
    private sealed class NoopJob(string id) : IRunJob
    {
        public string RunId => id;

        public string Kind => "test";

        public string Description => id;

        public List<RunStatus> Ended { get; } = [];

        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void End(RunStatus status, string? message) => Ended.Add(status);
    }

    private static RunQueue Queue(int capacity) =>
        new(Options.Create(new QueueOptions { Capacity = capacity }),
            new RunEventNotifier(Options.Create(new StreamingOptions()), NullLogger<RunEventNotifier>.Instance),
            NullLogger<RunQueue>.Instance);

    [Fact]
    public void TryEnqueue_BeyondCapacity_RefusesAndKeepsLength()
    {
        var queue = Queue(capacity: 2);

        var results = new[] { "a", "b", "c" }.Select(id => queue.TryEnqueue(new NoopJob(id))).ToList();

        Assert.Equal([true, true, false], results);
        Assert.Equal(2, queue.Length);
        Assert.Equal(["a", "b"], queue.Waiting.Select(w => w.Job.RunId));
    }

    [Fact]
    public void Stop_WaitingRun_LeavesTheQueueAtOnceEndedStoppedAndUnknownIdIsFalse()
    {
        var queue = Queue(capacity: 4);
        var job = new NoopJob("a");
        queue.TryEnqueue(job);
        queue.TryEnqueue(new NoopJob("b"));
        var changes = 0;
        queue.Changed += () => changes++;

        Assert.True(queue.Stop("a"));

        Assert.Equal(["b"], queue.Waiting.Select(w => w.Job.RunId));
        Assert.Equal(1, queue.Length);
        Assert.Equal([RunStatus.Stopped], job.Ended);
        Assert.Equal(1, changes);
        Assert.False(queue.Stop("nope"));
    }

    [Fact]
    public void TryEnqueue_ListenerThrows_OtherListenersStillHearAndTheJobIsQueued()
    {
        var queue = Queue(capacity: 4);
        var heard = 0;
        queue.Changed += () => throw new InvalidOperationException("a broken component");
        queue.Changed += () => heard++;

        Assert.True(queue.TryEnqueue(new NoopJob("a")));

        Assert.Equal(1, heard);
        Assert.Equal(1, queue.Length);
    }
}
