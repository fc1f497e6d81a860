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
    public void Offer_BatchRateZero_EveryBatchPassesAtOnceInOrder()
    {
        var throttle = new RunEventThrottle(new StreamingOptions { BatchProgressPerSecond = 0 });

        var emitted = Enumerable.Range(1, 500).SelectMany(i => throttle.Offer(Batch("a", i), Ms(i / 10.0))).ToList();

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), emitted.Cast<BatchProgress>().Select(b => b.Step));
        Assert.Null(throttle.NextDeadline);
    }

    // Drives the throttle as the pump does: due progress flushed, then the millisecond's offers.
    private static List<(TimeSpan At, RunEvent E)> Drive(RunEventThrottle throttle, int ms, Func<int, IEnumerable<RunEvent>> offersAt)
    {
        var emitted = new List<(TimeSpan At, RunEvent E)>();
        for (var t = 0; t <= ms; t++)
        {
            emitted.AddRange(throttle.FlushDue(Ms(t)).Select(e => (Ms(t), e)));
            foreach (var offer in offersAt(t))
                emitted.AddRange(throttle.Offer(offer, Ms(t)).Select(e => (Ms(t), e)));
        }

        return emitted;
    }

    [Fact]
    public void Offer_ABatchEveryMillisecondForThreeSeconds_AtMostFourPerSecondPerRunAndTheLatestArrives()
    {
        var throttle = new RunEventThrottle(new StreamingOptions { BatchProgressPerSecond = 4 });
        var b = 0;

        // 2,999 batches of a 10,000-batch epoch for runs a and b, then quiet until everything pending is due.
        BatchProgress Long(string run, int step) => new(run, 1, step, 10_000, step, 1.0 / step, 1.0 / step, 500, null);
        var emitted = Drive(throttle, 3_500, t => t < 2_999 ? [Long("a", ++b), Long("b", b)] : []);

        foreach (var run in new[] { "a", "b" })
        {
            var sent = emitted.Where(x => x.E.RunId == run).ToList();
            Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Ms(250)));
            for (var second = 0; second < 4; second++)
                Assert.InRange(sent.Count(x => x.At >= Ms(second * 1000) && x.At < Ms((second + 1) * 1000)), 1, 4);
            Assert.Equal(2_999, ((BatchProgress)sent[^1].E).Step);
            Assert.Equal(sent.Select(x => ((BatchProgress)x.E).Step).Order(), sent.Select(x => ((BatchProgress)x.E).Step));
        }

        Assert.Null(throttle.NextDeadline);
    }

    [Fact]
    public void Offer_LastBatchOfAnEpochInsideTheInterval_LeavesAtOnceThenTheEpoch()
    {
        var throttle = new RunEventThrottle(new StreamingOptions { BatchProgressPerSecond = 4 });
        BatchProgress Of(int batch) => new("a", 1, batch, 5, batch, 1.0 / batch, 2.0 / batch, 500, 1);

        var first = throttle.Offer(Of(1), Ms(0));
        var held = Enumerable.Range(2, 3).SelectMany(i => throttle.Offer(Of(i), Ms(i))).ToList();
        var last = throttle.Offer(Of(5), Ms(10));
        var epoch = throttle.Offer(new EpochCompleted("a", 1, 0.4, 0.5, 0.6, 1, 500), Ms(11));

        Assert.Equal(1, ((BatchProgress)Assert.Single(first)).Batch);
        Assert.Empty(held);
        Assert.Equal((5, 0.4), (((BatchProgress)Assert.Single(last)).Batch, ((BatchProgress)last[0]).RunningLoss));
        Assert.IsType<EpochCompleted>(Assert.Single(epoch));
        Assert.Null(throttle.NextDeadline);
        Assert.Empty(throttle.FlushDue(Ms(1_000)));
    }

    [Fact]
    public void Offer_EpochAndEndDuringABatchBurst_PassAtOnceAfterTheLatestPendingBatch()
    {
        var throttle = new RunEventThrottle(new StreamingOptions { BatchProgressPerSecond = 4 });
        throttle.Offer(Batch("a", 1), Ms(0));
        throttle.Offer(Batch("a", 2), Ms(1));
        throttle.Offer(Batch("a", 3), Ms(2));

        var epoch = throttle.Offer(new EpochCompleted("a", 1, 0.4, 0.5, 0.6, 1, 500), Ms(3));
        throttle.Offer(Batch("a", 4), Ms(4));
        var end = throttle.Offer(new RunEnded("a", RunStatus.Stopped, null, 1), Ms(5));

        Assert.Collection(epoch,
            e => Assert.Equal(3, Assert.IsType<BatchProgress>(e).Step),
            e => Assert.IsType<EpochCompleted>(e));
        Assert.Collection(end,
            e => Assert.Equal(4, Assert.IsType<BatchProgress>(e).Step),
            e => Assert.IsType<RunEnded>(e));
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
