using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Streaming;

public sealed class RunEventThrottleTests
{
    private static readonly StreamingOptions Options = new() { DenoiseProgressPerSecond = 10 };

    private static DenoiseProgress Step(string run, int step) => new(run, step, 10_000, 1.0 / step, 20);

    private static BatchProgress Batch(string run, int step) => new(run, 1, step, 100, step, 1.0 / step, 1.0 / step, 500, null);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Offer_TrainingBatches_AllPassAtOnceInOrder_TheHubBundlesThemInstead()
    {
        var throttle = new RunEventThrottle(Options);

        var emitted = Enumerable.Range(1, 500).SelectMany(i => throttle.Offer(Batch("a", i), Ms(i / 10.0))).ToList();

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), emitted.Cast<BatchProgress>().Select(b => b.Step));
        Assert.Null(throttle.NextDeadline);
    }

    [Fact]
    public void Offer_BurstOfDenoiseProgress_EmitsFirstThenCoalescesToLatest()
    {
        var throttle = new RunEventThrottle(Options);

        var first = throttle.Offer(Step("a", 1), Ms(0));
        var during = Enumerable.Range(2, 49).SelectMany(i => throttle.Offer(Step("a", i), Ms(i))).ToList();
        var early = throttle.FlushDue(Ms(99));
        var due = throttle.FlushDue(Ms(100));

        Assert.Equal(1, ((DenoiseProgress)Assert.Single(first)).Step);
        Assert.Empty(during);
        Assert.Empty(early);
        Assert.Equal(50, ((DenoiseProgress)Assert.Single(due)).Step);
        Assert.Null(throttle.NextDeadline);
    }

    [Fact]
    public void Offer_OneSecondOfStepsEveryMillisecond_EmitsAtMostTenPerSecondPerRun()
    {
        var throttle = new RunEventThrottle(Options);
        var emitted = new List<(TimeSpan At, RunEvent E)>();

        for (var ms = 0; ms < 1000; ms++)
        {
            foreach (var e in throttle.FlushDue(Ms(ms)))
                emitted.Add((Ms(ms), e));
            foreach (var run in new[] { "a", "b" })
            {
                foreach (var e in throttle.Offer(Step(run, ms + 1), Ms(ms)))
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
    public void Offer_DenoiseProgress_UsesTheConfiguredRate()
    {
        var throttle = new RunEventThrottle(new StreamingOptions { DenoiseProgressPerSecond = 4 });

        throttle.Offer(new DenoiseProgress("d", 1, 100, 5, 20), Ms(0));
        throttle.Offer(new DenoiseProgress("d", 2, 100, 4, 21), Ms(10));

        Assert.Empty(throttle.FlushDue(Ms(249)));
        Assert.Equal(2, ((DenoiseProgress)Assert.Single(throttle.FlushDue(Ms(250)))).Step);
    }

    [Fact]
    public void Offer_MilestoneWhileProgressPending_FlushesProgressFirst()
    {
        var throttle = new RunEventThrottle(Options);
        throttle.Offer(Step("a", 1), Ms(0));
        throttle.Offer(Step("a", 2), Ms(5));
        throttle.Offer(Step("b", 7), Ms(5));
        throttle.Offer(Step("b", 8), Ms(5));

        var emitted = throttle.Offer(new RunEnded("a", RunStatus.Completed, null, 1), Ms(6));

        Assert.Collection(emitted,
            e => Assert.Equal(2, Assert.IsType<DenoiseProgress>(e).Step),
            e => Assert.IsType<RunEnded>(e));
        Assert.Equal(Ms(105), throttle.NextDeadline);
    }

    [Fact]
    public void Offer_TerminalEvent_ForgetsTheRunsPendingState()
    {
        var throttle = new RunEventThrottle(Options);
        throttle.Offer(Step("a", 1), Ms(0));

        var emitted = throttle.Offer(new RunEnded("a", RunStatus.Completed, null, 3), Ms(1));
        var next = throttle.Offer(Step("a", 2), Ms(2));

        Assert.IsType<RunEnded>(Assert.Single(emitted));
        Assert.Single(next);
    }
}
