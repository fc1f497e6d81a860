using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Tests.Features.Streaming;

public sealed class RunEventLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static BatchProgress Batch(string run, int step) => new(run, 1, step, 100, step, 0.5, 0.5, 500, null);

    [Fact]
    public void Append_TwoRuns_NumbersEachRunFromOneWithoutGaps()
    {
        var log = new RunEventLog(capacityPerRun: 100, maxRuns: 8);

        var a = Enumerable.Range(1, 5).Select(i => log.Append(Batch("a", i), At).Seq).ToList();
        var b = Enumerable.Range(1, 3).Select(i => log.Append(Batch("b", i), At).Seq).ToList();

        Assert.Equal([1, 2, 3, 4, 5], a);
        Assert.Equal([1, 2, 3], b);
        Assert.Equal(5, log.LastSeq("a"));
    }

    [Fact]
    public void Since_LastSeqWithinLog_ReturnsExactlyTheMissedEvents()
    {
        var log = new RunEventLog(capacityPerRun: 100, maxRuns: 8);
        log.Append(new RunStarted("a", "train", "cpu", 2, 10), At);
        for (var i = 1; i <= 9; i++)
            log.Append(Batch("a", i), At);

        var replay = log.Since("a", 6);

        Assert.False(replay.IsSnapshot);
        Assert.Equal([7, 8, 9, 10], replay.Events.Select(e => e.Seq));
        Assert.Equal(10, replay.LastSeq);
    }

    [Fact]
    public void Since_UpToDate_ReturnsNothing()
    {
        var log = new RunEventLog(100, 8);
        log.Append(Batch("a", 1), At);

        var replay = log.Since("a", 1);

        Assert.False(replay.IsSnapshot);
        Assert.Empty(replay.Events);
    }

    [Fact]
    public void Since_LastSeqOlderThanKeptProgress_ReturnsSnapshotWithMilestonesAndRecent()
    {
        var log = new RunEventLog(capacityPerRun: 3, maxRuns: 8);
        log.Append(new RunStarted("a", "train", "cpu", 2, 10), At);
        for (var i = 1; i <= 10; i++)
            log.Append(Batch("a", i), At);
        log.Append(new EpochCompleted("a", 1, 0.5, 0.6, 0.5, 10, 500), At);

        var replay = log.Since("a", 2);

        Assert.True(replay.IsSnapshot);
        Assert.Equal([1, 9, 10, 11, 12], replay.Events.Select(e => e.Seq));
        Assert.IsType<RunStarted>(replay.Events[0].Event);
        Assert.IsType<EpochCompleted>(replay.Events[^1].Event);
    }

    [Fact]
    public void Since_LastSeqEqualToNewestDropped_IsStillExact()
    {
        var log = new RunEventLog(capacityPerRun: 3, maxRuns: 8);
        for (var i = 1; i <= 6; i++)
            log.Append(Batch("a", i), At);

        var replay = log.Since("a", 3);

        Assert.False(replay.IsSnapshot);
        Assert.Equal([4, 5, 6], replay.Events.Select(e => e.Seq));
    }

    [Fact]
    public void Since_NullLastSeq_ReturnsSnapshot()
    {
        var log = new RunEventLog(100, 8);
        log.Append(Batch("a", 1), At);

        var replay = log.Since("a", null);

        Assert.True(replay.IsSnapshot);
        Assert.Single(replay.Events);
    }

    [Fact]
    public void Since_LastSeqAheadOfLog_ReturnsSnapshotSoClientResets()
    {
        var log = new RunEventLog(100, 8);
        log.Append(Batch("a", 1), At);

        Assert.True(log.Since("a", 5).IsSnapshot);
        Assert.True(log.Since("unknown", 5).IsSnapshot);
        Assert.False(log.Since("unknown", 0).IsSnapshot);
    }

    [Fact]
    public void Append_MoreRunsThanMax_ForgetsLeastRecentlyActive()
    {
        var log = new RunEventLog(100, maxRuns: 2);
        log.Append(Batch("a", 1), At);
        log.Append(Batch("b", 1), At);
        log.Append(Batch("a", 2), At);

        log.Append(Batch("c", 1), At);

        Assert.Equal(["c", "a"], log.RunIds());
        Assert.Equal(0, log.LastSeq("b"));
    }

    [Fact]
    public void Append_MoreMilestonesThanCapacity_KeepsTheNewestAndSnapshotsOlderClients()
    {
        var log = new RunEventLog(capacityPerRun: 3, maxRuns: 8);
        for (var epoch = 1; epoch <= 5; epoch++)
            log.Append(new EpochCompleted("a", epoch, 1, 1, 0.5, 1, 1), At);

        Assert.Equal([3, 4, 5], log.Since("a", null).Events.Select(e => e.Seq));
        Assert.True(log.Since("a", 1).IsSnapshot);
        Assert.Equal([4, 5], log.Since("a", 3).Events.Select(e => e.Seq));
    }

    [Fact]
    public void Adopt_EventsNumberedElsewhere_KeepTheirNumbersAndReplayExactly()
    {
        var log = new RunEventLog(capacityPerRun: 100, maxRuns: 8);
        foreach (var seq in new long[] { 1, 2, 3 })
            log.Adopt(new RunEventEnvelope(seq, At, Batch("a", (int)seq)));

        var replay = log.Since("a", 1);

        Assert.False(replay.IsSnapshot);
        Assert.Equal([2, 3], replay.Events.Select(e => e.Seq));
        Assert.Equal(3, log.LastSeq("a"));
        // Numbering goes on from the adopted events when this host emits the run's next one.
        Assert.Equal(4, log.Append(Batch("a", 4), At).Seq);
    }

    [Fact]
    public void Adopt_FirstHeardMidway_ReplaysFromThereButNeverWithAHoleBefore()
    {
        var log = new RunEventLog(capacityPerRun: 100, maxRuns: 8);
        log.Adopt(new RunEventEnvelope(40, At, Batch("a", 40)));
        log.Adopt(new RunEventEnvelope(41, At, Batch("a", 41)));
        log.Adopt(new RunEventEnvelope(45, At, Batch("a", 45)));

        Assert.Equal(44, log.DroppedUpTo("a"));
        Assert.False(log.Since("a", 44).IsSnapshot);
        Assert.Equal([45], log.Since("a", 44).Events.Select(e => e.Seq));
        // A client at 40 would miss 42..44: it gets a snapshot, not a replay with a hole.
        Assert.True(log.Since("a", 40).IsSnapshot);
    }

    [Fact]
    public void Adopt_NumberingStartedOver_StartsTheHistoryAfresh()
    {
        var log = new RunEventLog(capacityPerRun: 100, maxRuns: 8);
        for (var seq = 1; seq <= 5; seq++)
            log.Adopt(new RunEventEnvelope(seq, At, Batch("a", seq)));
        log.Adopt(new RunEventEnvelope(1, At, new RunStarted("a", "train", "cpu", 1, 2)));

        Assert.Equal(1, log.LastSeq("a"));
        Assert.Equal([1], log.Since("a", null).Events.Select(e => e.Seq));
    }

    [Fact]
    public void Replace_WithASharedCopy_KeepsMilestonesAndTheLastNumber()
    {
        var log = new RunEventLog(capacityPerRun: 2, maxRuns: 8);
        log.Append(Batch("a", 1), At);
        RunEventEnvelope[] shared =
        [
            new(1, At, new RunStarted("a", "train", "cpu", 1, 2)),
            new(9, At, new EpochCompleted("a", 1, 1, 1, 0.5, 1, 100)),
            new(10, At, Batch("a", 10)),
            new(11, At, Batch("a", 11)),
            new(12, At, Batch("a", 12)),
        ];

        log.Replace("a", lastSeq: 12, droppedUpTo: 8, shared);

        Assert.Equal(12, log.LastSeq("a"));
        // Capacity 2: batch 10 ages out, as it would have here.
        Assert.Equal([1, 9, 11, 12], log.Since("a", null).Events.Select(e => e.Seq));
        Assert.Equal(10, log.DroppedUpTo("a"));
        Assert.Equal(13, log.Append(Batch("a", 13), At).Seq);
    }
}
