using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Streaming;

public sealed class RunEventThrottleTests
{
    private static readonly StreamingOptions Options = new() { BatchProgressPerSecond = 10, DenoiseProgressPerSecond = 4 };

    private static BatchProgress Batch(string run, int step) => new(run, 1, step, 100, step, 1.0 / step, 1.0 / step, 500, null);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Offer_BurstOfBatchProgress_EmitsFirstThenCoalescesToLatest()
    {
        var throttle = new RunEventThrottle(Options);

        var first = throttle.Offer(Batch("a", 1), Ms(0));
        var during = Enumerable.Range(2, 49).SelectMany(i => throttle.Offer(Batch("a", i), Ms(i))).ToList();
        var early = throttle.FlushDue(Ms(99));
        var due = throttle.FlushDue(Ms(100));

        Assert.Equal(1, ((BatchProgress)Assert.Single(first)).Step);
        Assert.Empty(during);
        Assert.Empty(early);
        Assert.Equal(50, ((BatchProgress)Assert.Single(due)).Step);
        Assert.Null(throttle.NextDeadline);
    }

    [Fact]
    public void Offer_OneSecondOfBatchesEveryMillisecond_EmitsAtMostTenPerSecondPerRun()
    {
        var throttle = new RunEventThrottle(Options);
        var emitted = new List<(TimeSpan At, RunEvent E)>();

        for (var ms = 0; ms < 1000; ms++)
        {
            foreach (var e in throttle.FlushDue(Ms(ms)))
                emitted.Add((Ms(ms), e));
            foreach (var run in new[] { "a", "b" })
            {
                foreach (var e in throttle.Offer(Batch(run, ms + 1), Ms(ms)))
                    emitted.Add((Ms(ms), e));
            }
        }

        foreach (var run in new[] { "a", "b" })
        {
            var times = emitted.Where(x => x.E.RunId == run).Select(x => x.At).ToList();
            Assert.Equal(10, times.Count);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Ms(100)));
        }
    }

    [Fact]
    public void Offer_DenoiseProgress_UsesFourPerSecond()
    {
        var throttle = new RunEventThrottle(Options);

        throttle.Offer(new DenoiseProgress("d", 1, 100, 5, 20), Ms(0));
        throttle.Offer(new DenoiseProgress("d", 2, 100, 4, 21), Ms(10));

        Assert.Empty(throttle.FlushDue(Ms(249)));
        Assert.Equal(2, ((DenoiseProgress)Assert.Single(throttle.FlushDue(Ms(250)))).Step);
    }

    [Fact]
    public void Offer_MilestoneWhileProgressPending_FlushesProgressFirst()
    {
        var throttle = new RunEventThrottle(Options);
        throttle.Offer(Batch("a", 1), Ms(0));
        throttle.Offer(Batch("a", 2), Ms(5));
        throttle.Offer(Batch("b", 7), Ms(5));
        throttle.Offer(Batch("b", 8), Ms(5));

        var emitted = throttle.Offer(new EpochCompleted("a", 1, 0.5, 0.6, 0.8, 12, 400), Ms(6));

        Assert.Collection(emitted,
            e => Assert.Equal(2, Assert.IsType<BatchProgress>(e).Step),
            e => Assert.IsType<EpochCompleted>(e));
        Assert.Equal(Ms(105), throttle.NextDeadline);
    }

    [Fact]
    public void Offer_TerminalEvent_ForgetsTheRunsPendingState()
    {
        var throttle = new RunEventThrottle(Options);
        throttle.Offer(Batch("a", 1), Ms(0));

        var emitted = throttle.Offer(new RunEnded("a", RunStatus.Completed, null, 3), Ms(1));
        var next = throttle.Offer(Batch("a", 2), Ms(2));

        Assert.IsType<RunEnded>(Assert.Single(emitted));
        Assert.Single(next);
    }
}
