using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;

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
        state.Apply(E(2, new BatchProgress("r", 1, 5, 10, 5, 2.0, 900, 30)));
        var halfway = state.Progress;
        state.Apply(E(3, new EpochCompleted("r", 1, 1.9, 1.8, 0.3, 10, 900)));
        state.Apply(E(4, new BatchProgress("r", 2, 5, 10, 15, 1.5, 900, 10)));

        Assert.Equal("running", state.Status);
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
        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 900, null)));

        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 900, null)));
        state.Apply(E(2, new BatchProgress("other", 1, 2, 10, 2, 2.0, 900, null)));

        Assert.Equal(1, state.BatchLoss.Count(0));
        Assert.Equal(1, state.LastSeq);
    }

    [Fact]
    public void Apply_SnapshotReplay_ResetsBeforeApplying()
    {
        var state = new RunLiveState("r");
        state.Apply(E(1, new BatchProgress("r", 1, 1, 10, 1, 2.0, 900, null)));
        state.Apply(E(2, new BatchProgress("r", 1, 2, 10, 2, 2.0, 900, null)));

        state.Apply(new RunReplay("r", IsSnapshot: true, 1, [E(1, new RunDiverged("r", 1, 1, "loss is NaN"))]));

        Assert.Equal("diverged", state.Status);
        Assert.Contains("loss is NaN", state.Message);
        Assert.Equal(0, state.BatchLoss.Count(0));
        Assert.Equal(1, state.LastSeq);
    }

    [Fact]
    public void Seed_IndexedRun_FillsEpochsAndBatchLossOnlyWithoutLiveEvents()
    {
        var record = new RunRecord
        {
            Id = "r", Directory = "/tmp/r", Status = "finished", EpochsPlanned = 2, EpochsDone = 2, TestAccuracy = 0.6,
            Epochs = [new EpochRecord { RunId = "r", Epoch = 1, TrainLoss = 2, ValLoss = 1.9 }, new EpochRecord { RunId = "r", Epoch = 2, TrainLoss = 1, ValLoss = 1.1 }],
        };
        var state = new RunLiveState("r");

        state.Seed(record, [(1, 2.3), (2, 2.1)]);

        Assert.Equal("finished", state.Status);
        Assert.Equal(1.0, state.Progress);
        Assert.Equal(2, state.Epochs.Count);
        Assert.Equal(2, state.BatchLoss.Count(0));
        Assert.Equal(0.6, state.Evaluation!.Accuracy);
    }
}
