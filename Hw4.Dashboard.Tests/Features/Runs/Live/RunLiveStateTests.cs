using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Tests.Features.Runs.Live;

public sealed class RunLiveStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static RunEventEnvelope E(long seq, RunEvent e) => new(seq, At, e);

    [Fact]
    public void Apply_TrainingEvents_TracksStatusProgressAndCharts()
    {
        var state = new RunLiveState("r");

        state.Apply(E(1, new RunStarted("r", "train", "cpu", 2, 10)));
        state.Apply(E(2, new BatchProgress("r", 1, 5, 10, 5, 2.0, 2.0, 900, 30)));
        var halfway = state.Progress;
        state.Apply(E(3, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        state.Apply(E(4, new BatchProgress("r", 2, 5, 10, 15, 1.5, 1.5, 900, 10)));

        Assert.Equal(RunStatus.Running, state.Status);
        Assert.Equal(0.25, halfway, 12);
        Assert.Equal(0.75, state.Progress, 12);
        Assert.Equal(2, state.BatchLoss.Count(0));
        Assert.Equal(1, state.EpochLoss.Count(1));
        Assert.Equal(4, state.LastSeq);
    }

    [Fact]
    public void Apply_DuplicateOrOtherRun_IsIgnored()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 2.0, 900, null)));

        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 2.0, 900, null)));
        state.Apply(E(2, new BatchProgress("other", 1, 2, 10, 2, 2.0, 2.0, 900, null)));

        Assert.Equal(1, state.BatchLoss.Count(0));
        Assert.Equal(1, state.LastSeq);
    }

    [Fact]
    public void Apply_SnapshotReplay_ResetsBeforeApplying()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 2.0, 900, null)));
        state.Apply(E(2, new BatchProgress("r", 1, 2, 10, 2, 2.0, 2.0, 900, null)));

        var diverged = new Diverged("r", 1, 1, null);
        state.Apply(new RunReplay("r", IsSnapshot: true, 2, [E(1, diverged), E(2, new RunEnded("r", RunStatus.Diverged, diverged.Message, 3))]));

        Assert.Equal(RunStatus.Diverged, state.Status);
        Assert.Equal("diverged at epoch 1, batch 1 (no finite loss before it)", state.Message);
        Assert.Equal(0, state.BatchLoss.Count(0));
        Assert.Equal(2, state.LastSeq);
    }

    [Fact]
    public void Seed_FolderRun_FillsStatusAndHistoryFillsEpochsAndBatchLoss()
    {
        var epochs = new[] { new EpochMetrics(1, 2, 1.9, 0.3, 1, 1), new EpochMetrics(2, 1, 1.1, 0.5, 1, 1) };
        var summary = new RunSummary("r", "/tmp/r",
            new RunRecord { Id = "r", Status = RunStatus.Completed, Config = new TrainerOptions { Epochs = 2 } },
            epochs, epochs[1], 0.6, null, [], new RunNotes(), null);
        var state = new RunLiveState("r", awaitHistory: true);

        state.Seed(summary);
        state.SeedHistory([
            new BatchProgress("r", 1, 1, 1, 1, 2.3, 2.3, 900, null), new EpochCompleted("r", 1, 2, 1.9, 0.3, 1, 1),
            new BatchProgress("r", 2, 1, 1, 2, 2.1, 2.1, 900, null), new EpochCompleted("r", 2, 1, 1.1, 0.5, 1, 1),
        ]);

        Assert.Equal(RunStatus.Completed, state.Status);
        Assert.Equal(1.0, state.Progress);
        Assert.Equal(2, state.Epochs.Count);
        Assert.Equal(2, state.BestEpoch);
        Assert.Equal(2, state.BatchLoss.Count(0));
        Assert.Equal(0.6, state.TestAccuracy);
    }

    [Fact]
    public void Epochs_AfterMoreEvents_EarlierSnapshotIsUnchanged()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        var snapshot = state.Epochs;

        state.Apply(E(2, new EpochCompleted("r", 2, 1.7, 1.6, 0.4, 10, 900)));

        Assert.Single(snapshot);
        Assert.Equal(2, state.Epochs.Count);
    }

    [Fact]
    public void BestEpoch_NaNValidationLoss_IsNeverBest()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        state.Apply(E(2, new EpochCompleted("r", 2, 1.7, double.NaN, 0.1, 10, 900)));

        Assert.Equal(1, state.BestEpoch);
    }

    [Fact]
    public void Apply_ResumedStart_DropsEpochsAfterTheResumePoint()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        state.Apply(E(2, new EpochCompleted("r", 2, 1.7, 1.6, 0.4, 10, 900)));

        state.Apply(E(3, new RunStarted("r", "train", "cpu", 3, 10, ResumedFromEpoch: 1)));

        Assert.Equal([1], state.Epochs.Select(e => e.Epoch));
        Assert.Equal([1.0], state.EpochLoss.Points(0).X);
        Assert.Equal([30.0], state.ValAccuracy.Points(0).Y);
    }

    [Fact]
    public void Apply_Epochs_ValidationAccuracyCurveInPercent()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        state.Apply(E(2, new EpochCompleted("r", 2, 1.7, 1.6, 0.45, 10, 900)));

        var (x, y) = state.ValAccuracy.Points(0);

        Assert.Equal([1.0, 2.0], x);
        Assert.Equal(30, y[0], 9);
        Assert.Equal(45, y[1], 9);
    }

    [Fact]
    public void SeedHistory_LiveEventsOverlapTheFolder_EachBatchAndEpochOnce()
    {
        // The folder was read just after subscribing: batches 4-5 and epoch 1 were written before the read but emitted
        // after the subscription, so they arrive live too.
        var state = new RunLiveState("r", awaitHistory: true);
        state.Apply(new RunReplay("r", IsSnapshot: true, 0, []));
        var seq = 0;
        for (var step = 4; step <= 8; step++)
        {
            state.Apply(E(++seq, Batch(step)));
            if (step == 5)
                state.Apply(E(++seq, new EpochCompleted("r", 1, 2, 1.9, 0.3, 5, 1)));
        }

        state.SeedHistory([.. Enumerable.Range(1, 5).Select(Batch), new EpochCompleted("r", 1, 2, 1.9, 0.3, 5, 1)]);
        state.Apply(E(++seq, Batch(9)));

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), state.BatchLoss.Batches.Select(b => b.Step));
        Assert.Equal(9, state.BatchLoss.Count(1));
        Assert.Equal([1], state.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void SeedHistory_NoFolder_TheReplayIsTheHistory()
    {
        var state = new RunLiveState("r", awaitHistory: true);
        state.Apply(new RunReplay("r", IsSnapshot: true, 2, [E(1, Batch(1)), E(2, Batch(2))]));
        state.Apply(E(3, Batch(3)));
        Assert.Equal(0, state.BatchLoss.Count(0));

        state.SeedHistory(null);

        Assert.Equal([1L, 2L, 3L], state.BatchLoss.Batches.Select(b => b.Step));
    }

    [Fact]
    public void SeedHistory_FolderGiven_ReplayedProgressIsNotCountedTwice()
    {
        // Everything in the replay was written to the folder before it was emitted.
        var state = new RunLiveState("r", awaitHistory: true);
        state.Apply(new RunReplay("r", IsSnapshot: true, 2, [E(1, Batch(2)), E(2, Batch(3))]));

        state.SeedHistory([Batch(1), Batch(2), Batch(3)]);

        Assert.Equal([1L, 2L, 3L], state.BatchLoss.Batches.Select(b => b.Step));
    }

    private static BatchProgress Batch(int step) => new("r", (step - 1) / 5 + 1, (step - 1) % 5 + 1, 5, step, 3.0 / step, 3.0 / step, 900, null, step);
}
