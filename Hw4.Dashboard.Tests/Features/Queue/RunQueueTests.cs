using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Queue;

public sealed class RunQueueTests
{
    private sealed class NoopJob(string id) : IRunJob
    {
        public string RunId => id;

        public string Kind => "test";

        public string Description => id;

        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static RunQueue Queue(int capacity) =>
        new(Options.Create(new QueueOptions { Capacity = capacity }), new RunEventNotifier(Options.Create(new StreamingOptions())));

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
    public void Stop_WaitingRun_MarksItStoppedAndUnknownIdIsFalse()
    {
        var queue = Queue(capacity: 4);
        queue.TryEnqueue(new NoopJob("a"));

        Assert.True(queue.Stop("a"));
        Assert.True(queue.Waiting.Single().StopRequested);
        Assert.False(queue.Stop("nope"));
    }
}
