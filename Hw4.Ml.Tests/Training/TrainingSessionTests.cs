using Hw4.Ml.Models;
using Hw4.Ml.Devices;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;
using Hw4.Ml.Training.Events;

namespace Hw4.Ml.Tests.Training;

public sealed class TrainingSessionTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-session-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RunAsync_TwoEpochsWithLimit_LeavesACompleteRunFolder()
    {
        var data = new TrainingData(SyntheticImages.Create(256, 1), SyntheticImages.Create(64, 2), SyntheticImages.Create(64, 3), "sha256:abc", "synthetic");
        var options = new TrainerOptions
        {
            Epochs = 2, BatchSize = 32, LearningRate = 1e-2, Augment = false, Limit = 128, Threads = 2,
            Device = DeviceOption.Cpu, ProgressEveryBatches = 2, RunsDir = _runs,
        };
        var seen = new List<TrainingEvent>();

        var result = await TrainingSession.RunAsync(data, options, () => ModelFactory.Create(ModelKind.Cnn), sink: seen.Add);

        Assert.Equal(TrainingStatus.Completed, result.Training.Status);
        var run = RunDirectory.Open(result.RunDirectory).ReadRun();
        Assert.Equal(TrainingStatus.Completed, run.Status);
        Assert.Equal(128, run.TrainImages);
        Assert.Equal(64, run.TestImages);
        Assert.Equal("sha256:abc", run.DatasetHash);
        Assert.Equal("0.107.0", run.Versions["torchsharp"]);
        Assert.True(run.Parameters > 0);
        Assert.NotNull(run.FinishedUtc);
        Assert.NotNull(result.Evaluation);
        Assert.Equal(64, result.Evaluation!.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.Equal($"checkpoints/model_{result.Training.BestEpoch}.params", result.Evaluation.Checkpoint);
        Assert.True(File.Exists(Path.Combine(result.RunDirectory, "evaluation.json")));
        Assert.All(result.Evaluation.Examples, e => Assert.True(File.Exists(Path.Combine(result.RunDirectory, e.File!))));
        Assert.IsType<Evaluated>(seen[^1]);
        var lines = File.ReadAllLines(Path.Combine(result.RunDirectory, "metrics.jsonl"));
        Assert.Equal(seen.Count, lines.Length);
        Assert.Equal(2, lines.Count(l => l.Contains("\"type\":\"epoch\"")));
        Assert.Contains(lines, l => l.Contains("\"type\":\"batch\"") && l.Contains("\"images_per_second\""));
    }

    [Fact]
    public async Task ReadAll_AfterARun_RebuildsTheSummaryFromTheFolderAlone()
    {
        var data = new TrainingData(SyntheticImages.Create(64, 1), SyntheticImages.Create(32, 2), SyntheticImages.Create(32, 3), null, null);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 32, LearningRate = 1e-2, Augment = false, Threads = 2, Device = DeviceOption.Cpu, RunsDir = _runs };

        var result = await TrainingSession.RunAsync(data, options, () => ModelFactory.Create(ModelKind.Cnn), runId: "20261127-061500-cnn-ab12");
        var summary = Assert.Single(RunDirectoryReader.ReadAll(_runs));

        Assert.Equal("20261127-061500-cnn-ab12", summary.Id);
        Assert.Equal("cnn", summary.Model);
        Assert.Equal(TrainingStatus.Completed, summary.Status);
        Assert.Equal(2, summary.Epochs);
        Assert.Equal(result.Training.BestEpoch, summary.BestEpoch);
        Assert.Equal(result.Training.BestValLoss!.Value, summary.BestValLoss!.Value, 9);
        Assert.Equal(result.Evaluation!.Accuracy, summary.TestAccuracy);
        Assert.Equal(2, summary.Config.Epochs);
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs)) Directory.Delete(_runs, recursive: true);
    }
}
