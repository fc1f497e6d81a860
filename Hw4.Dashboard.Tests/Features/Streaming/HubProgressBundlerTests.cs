using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Streaming;

public sealed class HubProgressBundlerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    private static RunEventEnvelope Batch(string run, long seq) =>
        new(seq, At, new BatchProgress(run, 1, (int)seq, 10_000, (int)seq, 1.0 / seq, 1.0 / seq, 500, null));

    private static RunEventEnvelope Other(string run, long seq, RunEvent e) => new(seq, At, e);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    // Drives the bundler as the pump does: due bundles flushed, then the millisecond's offers.
    private static List<(TimeSpan At, HubMessage Message)> Drive(HubProgressBundler bundler, int ms, Func<int, IEnumerable<RunEventEnvelope>> offersAt)
    {
        var sent = new List<(TimeSpan, HubMessage)>();
        for (var t = 0; t <= ms; t++)
        {
            sent.AddRange(bundler.FlushDue(Ms(t)).Select(m => (Ms(t), m)));
            foreach (var offer in offersAt(t))
                sent.AddRange(bundler.Offer(offer, Ms(t)).Select(m => (Ms(t), m)));
        }

        return sent;
    }

    [Fact]
    public void Offer_ABatchEveryMillisecondForThreeSeconds_AtMostFourMessagesASecond_EveryBatchOnceInOrder()
    {
        var bundler = new HubProgressBundler(perSecond: 4);

        var sent = Drive(bundler, 3000, t => t < 3000 ? [Batch("a", t + 1)] : []);

        // 3,000 batches in 13 messages: the first at once, then one every 250 ms (the last due at 3,000 ms).
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (long)i), sent.SelectMany(x => x.Message.Events).Select(e => e.Seq));
        Assert.All(sent, x => Assert.True(x.Message.IsBundle));
        Assert.Equal(13, sent.Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Ms(250), $"{pair.First.At} then {pair.Second.At}"));
        Assert.Null(bundler.NextDeadline);
    }

    [Fact]
    public void Offer_AnEpochDuringABurst_SendsThePendingBatchesFirstThenTheEpochAlone()
    {
        var bundler = new HubProgressBundler(perSecond: 4);
        Assert.Single(bundler.Offer(Batch("a", 1), Ms(0)));
        Assert.Empty(bundler.Offer(Batch("a", 2), Ms(10)));
        Assert.Empty(bundler.Offer(Batch("a", 3), Ms(20)));

        var sent = bundler.Offer(Other("a", 4, new EpochCompleted("a", 1, 1, 1, 0.5, 1, 100)), Ms(30));

        Assert.Collection(sent,
            m => Assert.Equal([2L, 3L], m.Events.Select(e => e.Seq)),
            m => Assert.Equal(4, Assert.Single(m.Events).Seq));
        Assert.True(sent[0].IsBundle);
        Assert.False(sent[1].IsBundle);
        Assert.Null(bundler.NextDeadline);
    }

    [Fact]
    public void Flush_BeforeAnAttach_HandsOverThePendingBatches_TwoRunsKeptApart()
    {
        var bundler = new HubProgressBundler(perSecond: 4);
        bundler.Offer(Batch("a", 1), Ms(0));
        bundler.Offer(Batch("b", 1), Ms(0));
        bundler.Offer(Batch("a", 2), Ms(5));
        bundler.Offer(Batch("b", 2), Ms(6));

        var a = bundler.Flush("a", Ms(7));

        Assert.Equal([2L], a!.Events.Select(e => e.Seq));
        Assert.Null(bundler.Flush("a", Ms(8)));
        Assert.Equal(Ms(250), bundler.NextDeadline);
        Assert.Equal("b", Assert.Single(bundler.FlushDue(Ms(250))).RunId);
    }

    [Fact]
    public void Offer_TheEndOfARun_ForgetsIt()
    {
        var bundler = new HubProgressBundler(perSecond: 4);
        bundler.Offer(Batch("a", 1), Ms(0));
        bundler.Offer(Batch("a", 2), Ms(1));

        var sent = bundler.Offer(Other("a", 3, new RunEnded("a", RunStatus.Completed, null, 1)), Ms(2));

        Assert.Equal([2L, 3L], sent.SelectMany(m => m.Events).Select(e => e.Seq));
        // A later run with the same id (a resume) starts without a wait.
        Assert.Single(bundler.Offer(Batch("a", 4), Ms(3)));
    }
}
