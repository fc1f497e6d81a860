using System.Diagnostics;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Hw4.Ml.Tests.Training;
using Hw4.Ml.Training;

namespace Hw4.Ml.Tests.Recipes;

public sealed class ClassificationRecipeTests : IDisposable
{
    private static readonly CifarData Data = new(
        SyntheticImages.Create(320, 1), SyntheticImages.Create(64, 3), "sha256:abc", "synthetic", DatasetFormat.ImageFolder, FromCache: false);

    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-recipe-" + Guid.NewGuid().ToString("N"));

    private static TrainerOptions Options(int epochs = 2) => new()
    {
        Epochs = epochs, BatchSize = 32, LearningRate = 1e-3, Augment = true, Limit = 128, ValidationSize = 64, Threads = 2,
        Device = DeviceOption.Cpu, ProgressEveryBatches = 2,
    };

    [Fact]
    public async Task RunAsync_QueuedRun_CompletesEvaluatesAndIsFinalOnDiskBeforeRunEnded()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        RunStatus? onDiskAtEnd = null;
        var seen = new List<RunEvent>();

        var result = await ClassificationRecipe.RunAsync(dir, Data, e =>
        {
            seen.Add(e);
            if (e is RunEnded)
                onDiskAtEnd = dir.ReadRun().Status;
        }, host: "gpu-worker-1");

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(RunStatus.Completed, onDiskAtEnd);
        var record = dir.ReadRun();
        Assert.Equal(128, record.TrainImages);
        Assert.Equal(64, record.ValidationImages);
        Assert.Equal("sha256:abc", record.DatasetHash);
        Assert.Equal("0.107.0", record.Versions["torchsharp"]);
        Assert.True(record.Parameters > 0);
        Assert.Null(record.Owner);
        Assert.Equal("gpu-worker-1", record.Host);
        Assert.NotNull(record.FinishedUtc);
        // Paths inside the run folder are relative to it: other hosts mount the shared folder elsewhere.
        Assert.Equal(["checkpoints/model_1.params", "checkpoints/model_2.params"], seen.OfType<CheckpointSaved>().Select(c => c.Path));
        Assert.DoesNotContain(dir.Path, File.ReadAllText(dir.MetricsPath), StringComparison.Ordinal);
        Assert.Equal(64, result.Evaluation!.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.Equal($"checkpoints/model_{result.Training.Best!.Epoch}.params", result.Evaluation.Checkpoint);
        // The label per test image is kept beside the summary, and agrees with it.
        var predictions = dir.ReadPredictions()!;
        Assert.Equal(result.Training.Best.Epoch, predictions.Epoch);
        Assert.Equal(64, predictions.Predicted.Length);
        Assert.Equal(result.Evaluation.Accuracy, Enumerable.Range(0, 64).Count(predictions.IsCorrect) / 64.0, 12);
        Assert.IsType<RunStarted>(seen[0]);
        Assert.IsType<RunEnded>(seen[^1]);
        Assert.Equal(seen.Count, File.ReadAllLines(dir.MetricsPath).Length);

        var summary = RunDirectoryReader.Read(dir.Path);
        Assert.Equal([1, 2], summary.EpochNumbers);
        Assert.Equal("completed", summary.StatusText);
        Assert.Equal(result.Training.Best, summary.Best);
        Assert.Equal(result.Evaluation.Accuracy, summary.TestAccuracy);
    }

    [Fact]
    public async Task RunAsync_StoppedAfterEpochOneThenResumed_HasEachEpochOnceAndMatchesAnUninterruptedRun()
    {
        var uninterrupted = await ClassificationRecipe.RunAsync(ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System), Data);
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        using var stop = new CancellationTokenSource();

        var first = await ClassificationRecipe.RunAsync(dir, Data, e =>
        {
            if (e is EpochCompleted { Epoch: 1 }) stop.Cancel();
        }, stop.Token, host: "host-a");
        Assert.Equal(RunStatus.Stopped, first.Status);
        Assert.Equal([1], RunDirectoryReader.Read(dir.Path).EpochNumbers);
        Assert.Equal("host-a", dir.ReadRun().Host);

        ClassificationRecipe.Requeue(dir);
        Assert.Equal("host-a", dir.ReadRun().Host);
        var seen = new List<RunEvent>();
        var resumed = await ClassificationRecipe.RunAsync(dir, Data, seen.Add, host: "host-b");

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal("host-b", dir.ReadRun().Host);
        Assert.Equal(1, Assert.IsType<RunStarted>(seen[0]).ResumedFromEpoch);
        var summary = RunDirectoryReader.Read(dir.Path);
        Assert.Equal([1, 2], summary.EpochNumbers);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(uninterrupted.Training.Epochs[i].TrainLoss, summary.Epochs[i].TrainLoss, 1e-5);
            Assert.Equal(uninterrupted.Training.Epochs[i].ValLoss, summary.Epochs[i].ValLoss, 1e-5);
            Assert.Equal(uninterrupted.Training.Epochs[i].ValAccuracy, summary.Epochs[i].ValAccuracy, 1e-9);
        }
    }

    [Fact]
    public async Task RunAsync_ResumeWithTornNewestCheckpoint_FallsBackToThePreviousWithAWarning()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(epochs: 3), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        await ClassificationRecipe.RunAsync(dir, Data, e =>
        {
            if (e is EpochCompleted { Epoch: 2 }) stop.Cancel();
        }, stop.Token);
        var newest = Path.Combine(dir.CheckpointsDir, "model_2.params");
        var bytes = File.ReadAllBytes(newest);
        File.WriteAllBytes(newest, bytes[..(bytes.Length / 3)]);

        ClassificationRecipe.Requeue(dir);
        var seen = new List<RunEvent>();
        var resumed = await ClassificationRecipe.RunAsync(dir, Data, seen.Add);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(1, seen.OfType<RunStarted>().Single().ResumedFromEpoch);
        var summary = RunDirectoryReader.Read(dir.Path);
        Assert.Equal([1, 2, 3], summary.EpochNumbers);
        Assert.Contains(summary.Warnings, w => w.StartsWith("checkpoint of epoch 2 does not load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DiskFullDuringEpochTwo_FailsWithTheRealCauseAndEpochOneStillLoads()
    {
        // A real full disk: a 7 MiB tmpfs holds epoch 1's checkpoint (about 4.7 MB for the CNN) but not epoch 2's.
        var mount = Path.Combine(_runs, "small-disk");
        Directory.CreateDirectory(mount);
        if (!Mount(mount, "7m"))
        {
            await DiskFullWithoutMount();
            return;
        }

        try
        {
            var dir = ClassificationRecipe.Queue(mount, Options(), TimeProvider.System);

            var result = await ClassificationRecipe.RunAsync(dir, Data);

            Assert.Equal(RunStatus.Failed, result.Status);
            Assert.Contains("No space left on device", result.Message);
            var record = dir.ReadRun();
            Assert.Equal(RunStatus.Failed, record.Status);
            Assert.Contains("No space left on device", record.Message);
            Assert.Null(result.Evaluation);
            Assert.Equal([1], RunDirectoryReader.Read(dir.Path).EpochNumbers);
            var store = new CheckpointStore(dir.CheckpointsDir);
            Assert.Equal(1, store.NewestLoadable(
                () => Hw4.Ml.Models.ModelFactory.Create(Hw4.Ml.Models.ModelKind.Cnn),
                m => TorchSharp.torch.optim.Adam(m.parameters(), 1e-3))?.Epoch);
        }
        finally
        {
            Run("umount", mount);
        }
    }

    // Where no tmpfs can be mounted, no write can be made to fail with ENOSPC (metrics.jsonl is never written through a
    // link, so /dev/full cannot stand in): a link in its place makes every write fail, which ends the run the same way.
    private async Task DiskFullWithoutMount()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        File.CreateSymbolicLink(dir.MetricsPath, "/dev/full");

        var result = await ClassificationRecipe.RunAsync(dir, Data);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal($"{dir.Id}/metrics.jsonl: metrics.jsonl is a symbolic link; nothing is written through it.", result.Message);
        Assert.Equal(RunStatus.Failed, dir.ReadRun().Status);
    }

    [Fact]
    public void Read_DamagedRunJson_IsUnreadableWithTheFileNamed()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        File.WriteAllText(dir.RunJsonPath, "{\"id\": \"x\", \"status\": ");

        var summary = RunDirectoryReader.Read(dir.Path);

        Assert.Equal("unreadable", summary.StatusText);
        Assert.Contains("run.json", summary.Problem);
    }

    [Fact]
    public void Read_DamagedNotesJson_IsUnreadableWithTheFileNamed()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        File.WriteAllText(dir.NotesPath, "[not notes");

        var summary = RunDirectoryReader.Read(dir.Path);

        Assert.Equal("unreadable", summary.StatusText);
        Assert.Contains("notes.json", summary.Problem);
        Assert.Equal(RunStatus.Queued, summary.Record!.Status);
    }

    [Fact]
    public void Read_NaNValidationLossBelowTheOthers_IsNotTheBestEpoch()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(), TimeProvider.System);
        dir.AppendMetric(new EpochCompleted(dir.Id, 1, 2.0, 1.5, 0.3, 1, 1));
        dir.AppendMetric(new EpochCompleted(dir.Id, 2, 1.9, double.NaN, 0.1, 1, 1));

        var summary = RunDirectoryReader.Read(dir.Path);

        Assert.Equal(1, summary.Best?.Epoch);
        Assert.Equal(1.5, summary.Best?.ValLoss);
    }

    [Fact]
    public void Read_ResumedRun_DropsTheEpochsAfterTheResumePointOfTheEarlierAttempt()
    {
        var dir = ClassificationRecipe.Queue(_runs, Options(epochs: 3), TimeProvider.System);
        dir.AppendMetric(new EpochCompleted(dir.Id, 1, 2.0, 1.5, 0.3, 1, 1));
        dir.AppendMetric(new EpochCompleted(dir.Id, 2, 1.9, 1.4, 0.3, 1, 1));
        dir.AppendMetric(new RunStarted(dir.Id, "train", "cpu", 3, 4, ResumedFromEpoch: 1));
        dir.AppendMetric(new EpochCompleted(dir.Id, 2, 1.8, 1.3, 0.4, 1, 1));
        dir.AppendMetric(new EpochCompleted(dir.Id, 3, 1.7, 1.2, 0.5, 1, 1));

        var summary = RunDirectoryReader.Read(dir.Path);

        Assert.Equal([1, 2, 3], summary.EpochNumbers);
        Assert.Equal(1.3, summary.Epochs[1].ValLoss);
    }

    private static bool Mount(string path, string size) =>
        OperatingSystem.IsLinux() && Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);

    private static bool Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs)) Directory.Delete(_runs, recursive: true);
    }
}
