using Hw4.Ml.Devices;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Ml.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hw4-trainer-" + Guid.NewGuid().ToString("N"));
    private readonly List<RunEvent> _events = [];

    private static readonly Hw4.Ml.Data.ImageSet Train = SyntheticImages.Create(256, seed: 1);
    private static readonly Hw4.Ml.Data.ImageSet Validation = SyntheticImages.Create(64, seed: 2);

    private static TrainerOptions Options(double lr = 1e-3, int epochs = 2) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        LearningRate = lr,
        Seed = 0,
        Augment = false,
        Threads = 2,
        Device = DeviceOption.Cpu,
        ProgressEveryBatches = 1,
    };

    private Trainer NewTrainer(TrainerOptions options, string checkpoints, Action<RunEvent>? extra = null) =>
        new("test-run", options, () => ModelFactory.Create(ModelKind.Cnn), checkpoints, e =>
        {
            lock (_events) _events.Add(e);
            extra?.Invoke(e);
        });

    [Fact]
    public void Run_TwoEpochs_LossFallsAndOneCheckpointPerEpoch()
    {
        var result = NewTrainer(Options(), Path.Combine(_dir, "a")).Run(Train, Validation);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(2, result.Epochs.Count);
        Assert.True(result.Epochs[1].TrainLoss < result.Epochs[0].TrainLoss, $"train loss {result.Epochs[0].TrainLoss} -> {result.Epochs[1].TrainLoss}");
        Assert.True(result.Epochs[1].ValLoss < result.Epochs[0].ValLoss, $"val loss {result.Epochs[0].ValLoss} -> {result.Epochs[1].ValLoss}");
        Assert.Equal(2, result.Checkpoints.Count);
        foreach (var epoch in new[] { 1, 2 })
        {
            Assert.True(File.Exists(Path.Combine(_dir, "a", $"model_{epoch}.params")));
            Assert.True(File.Exists(Path.Combine(_dir, "a", $"optimizer_{epoch}.state")));
            Assert.True(File.Exists(Path.Combine(_dir, "a", $"state_{epoch}.json")));
        }

        Assert.Equal(2, _events.OfType<CheckpointSaved>().Count());
        // Each epoch is announced only after its checkpoint is on disk.
        Assert.All(_events.OfType<EpochCompleted>(), e =>
            Assert.True(_events.FindIndex(x => x is CheckpointSaved c && c.Epoch == e.Epoch) < _events.IndexOf(e)));
    }

    [Fact]
    public void Run_TwoEpochs_BestEpochFollowsValidationLoss()
    {
        var result = NewTrainer(Options(), Path.Combine(_dir, "a")).Run(Train, Validation);

        var lowest = result.Epochs.MinBy(e => e.ValLoss)!;
        Assert.Equal(lowest, result.Best);
    }

    [Fact]
    public void PickBestEpoch_LaterEpochHasLowerValidationLoss_PicksItNotTheLast()
    {
        var epochs = new[]
        {
            new EpochMetrics(1, 2.0, 1.5, 0.3, 1, 1),
            new EpochMetrics(2, 1.5, 1.1, 0.5, 1, 1),
            new EpochMetrics(3, 1.2, 1.3, 0.6, 1, 1),
        };

        Assert.Equal(2, BestEpoch.Pick(epochs)?.Epoch);
    }

    [Fact]
    public void PickBestEpoch_NaNValidationLoss_IsNeverBest()
    {
        var epochs = new[]
        {
            new EpochMetrics(1, 2.0, 1.5, 0.3, 1, 1),
            new EpochMetrics(2, 1.5, double.NaN, 0.1, 1, 1),
            new EpochMetrics(3, 1.2, double.PositiveInfinity, 0.1, 1, 1),
        };

        Assert.Equal(1, BestEpoch.Pick(epochs)?.Epoch);
        Assert.Null(BestEpoch.Pick(epochs.Skip(1)));
    }

    [Fact]
    public void PickBestEpoch_Tie_PicksTheEarliest()
    {
        var epochs = new[] { new EpochMetrics(2, 1, 1.0, 0, 1, 1), new EpochMetrics(1, 1, 1.0, 0, 1, 1) };

        Assert.Equal(1, BestEpoch.Pick(epochs)?.Epoch);
    }

    [Fact]
    public async Task Start_SinkThrows_EndsFailedWithTheCauseInsteadOfEndingTheProcess()
    {
        var trainer = NewTrainer(Options(epochs: 1), Path.Combine(_dir, "a"), e =>
        {
            if (e is BatchProgress { Batch: 2 }) throw new IOException("No space left on device : 'metrics.jsonl'");
        });

        var result = await trainer.Start(Train, Validation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("No space left on device", result.Message);
    }

    [Fact]
    public async Task Start_CancelAfterFirstBatch_StopsBeforeTheSecondBatch()
    {
        using var cts = new CancellationTokenSource();
        var trainer = NewTrainer(Options(), Path.Combine(_dir, "a"), e =>
        {
            if (e is BatchProgress { Batch: 1 }) cts.Cancel();
        });

        var result = await trainer.Start(Train, Validation, cts.Token);

        Assert.Equal(RunStatus.Stopped, result.Status);
        Assert.Equal("stopped in epoch 1 after 1 of 8 batches", result.Message);
        Assert.Single(_events.OfType<BatchProgress>());
        Assert.Empty(result.Checkpoints);
    }

    [Fact]
    public void Run_AbsurdLearningRate_RaisesDivergedWithLastFiniteLoss()
    {
        var result = NewTrainer(Options(lr: 1e12, epochs: 1), Path.Combine(_dir, "a")).Run(Train, Validation);

        Assert.Equal(RunStatus.Diverged, result.Status);
        var diverged = Assert.Single(_events.OfType<Diverged>());
        Assert.Equal(1, diverged.Epoch);
        Assert.True(diverged.Batch > 1);
        Assert.True(diverged.LastFiniteLoss is { } l && double.IsFinite(l));
        Assert.StartsWith($"diverged at epoch 1, batch {diverged.Batch}", result.Message);
        Assert.Empty(_events.OfType<EpochCompleted>());
    }

    [Fact]
    public void Run_ResumeFromEpochOne_GivesTheUninterruptedEpochTwo()
    {
        var options = Options() with { Augment = false };
        var uninterrupted = NewTrainer(options, Path.Combine(_dir, "full")).Run(Train, Validation);
        var epochOne = Path.Combine(_dir, "full", "model_1.params");

        var resumed = NewTrainer(options, Path.Combine(_dir, "resumed")).Run(Train, Validation, resumeFrom: epochOne);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(2, resumed.Epochs.Count);
        Assert.Equal(uninterrupted.Epochs[0], resumed.Epochs[0]);
        var expected = uninterrupted.Epochs[1];
        var actual = resumed.Epochs[1];
        Assert.Equal(expected.TrainLoss, actual.TrainLoss, 1e-6);
        Assert.Equal(expected.ValLoss, actual.ValLoss, 1e-6);
        Assert.Equal(expected.ValAccuracy, actual.ValAccuracy, 1e-9);
        Assert.Single(resumed.Checkpoints);
        Assert.EndsWith("model_2.params", resumed.Checkpoints[0]);
    }

    [Fact]
    public void Run_ResumeWithAnotherSeed_FailsWithOneLineReason()
    {
        NewTrainer(Options(epochs: 1), Path.Combine(_dir, "a")).Run(Train, Validation);

        var result = NewTrainer(Options() with { Seed = 5 }, Path.Combine(_dir, "b"))
            .Run(Train, Validation, resumeFrom: Path.Combine(_dir, "a", "model_1.params"));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("seed 0", result.Message);
        Assert.DoesNotContain('\n', result.Message!);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
