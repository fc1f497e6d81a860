using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

[Trait("Category", "System")]
public sealed class TrainVerbTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hw4-trainverb-" + Guid.NewGuid().ToString("N"));

    private string WriteImageFolder(int trainPerClass, int testPerClass) => TinyImageFolder.Write(_root, trainPerClass, testPerClass, seed: 7);

    [Fact]
    public async Task Train_LimitOneEpochJson_LastLineHasEveryKeyAndTheRunFolderIsComplete()
    {
        var data = WriteImageFolder(trainPerClass: 30, testPerClass: 8);
        var runs = Path.Combine(_root, "runs");

        var run = await CliRun.RunAsync("train", "--data", data, "--model", "cnn", "--epochs", "1", "--limit", "48",
            "--val-size", "12", "--batch-size", "16", "--lr", "1e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", runs, "--no-cache", "--json");

        using var doc = JsonDocument.Parse(run.LastStdoutLine);
        var root = doc.RootElement;
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        foreach (var key in new[] { "run_id", "model", "parameters", "run_dir", "epochs", "best_epoch", "checkpoints", "test" })
            Assert.True(root.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal("cnn", root.GetProperty("model").GetString());
        Assert.Equal(387_810, root.GetProperty("parameters").GetInt64());
        var runDir = root.GetProperty("run_dir").GetString()!;
        Assert.True(File.Exists(Path.Combine(runDir, "run.json")));
        Assert.Contains(run.StderrLines, l => l.StartsWith("epoch 1 batch", StringComparison.Ordinal) && l.Contains("img/s") && l.Contains("eta"));

        var epoch = Assert.Single(root.GetProperty("epochs").EnumerateArray());
        foreach (var key in new[] { "epoch", "train_loss", "val_loss", "val_accuracy", "seconds", "images_per_second" })
            Assert.True(epoch.TryGetProperty(key, out _), $"missing epochs[0].{key}");
        Assert.Equal(1, root.GetProperty("best_epoch").GetInt32());
        Assert.True(File.Exists(Assert.Single(root.GetProperty("checkpoints").EnumerateArray()).GetString()));
        var test = root.GetProperty("test");
        foreach (var key in new[] { "accuracy", "per_class_accuracy", "confusion_matrix", "worst_class", "most_confused_with", "examples" })
            Assert.True(test.TryGetProperty(key, out _), $"missing test.{key}");
        Assert.Equal(24, test.GetProperty("confusion_matrix").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt64())));
        Assert.Equal(TinyImageFolder.Classes, test.GetProperty("per_class_accuracy").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(File.Exists(Path.Combine(runDir, "evaluation.json")));
    }

    [Fact]
    public async Task Train_ResumeAStoppedRun_ContinuesAfterItsLastEpochAndKeepsEachEpochOnce()
    {
        var data = WriteImageFolder(trainPerClass: 30, testPerClass: 8);
        var runs = Path.Combine(_root, "runs");
        var first = await CliRun.RunAsync("train", "--data", data, "--model", "cnn", "--epochs", "1", "--limit", "48",
            "--val-size", "12", "--batch-size", "16", "--lr", "1e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", runs, "--no-cache", "--json");
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var id = JsonDocument.Parse(first.LastStdoutLine).RootElement.GetProperty("run_id").GetString()!;
        // A run stopped after epoch 1 of 2: what resume is for.
        var dir = Hw4.Ml.Runs.RunDirectory.Open(Path.Combine(runs, id));
        var record = dir.ReadRun();
        File.WriteAllText(dir.RunJsonPath, File.ReadAllText(dir.RunJsonPath)
            .Replace("\"status\": \"completed\"", "\"status\": \"stopped\"").Replace("\"epochs\": 1,", "\"epochs\": 2,"));
        Assert.Equal(2, dir.ReadRun().Config!.Epochs);

        var resumed = await CliRun.RunAsync("train", "--resume", id, "--artifacts-dir", runs, "--data", data, "--threads", "2", "--device", "cpu", "--no-cache", "--json");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Stderr);
        Assert.Contains("resuming after epoch 1", resumed.StderrLines);
        var root = JsonDocument.Parse(resumed.LastStdoutLine).RootElement;
        Assert.Equal([1, 2], root.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal([1, 2], Hw4.Ml.Runs.RunDirectoryReader.Read(dir.Path).EpochNumbers);
        Assert.Equal(record.CreatedUtc, dir.ReadRun().CreatedUtc);
    }

    [Fact]
    public async Task Train_ResumeACompletedRun_ExitsTwoWithTheReason()
    {
        var runs = Path.Combine(_root, "runs");
        var dir = new Hw4.Dashboard.Tests.Features.Runs.RunFolderBuilder(runs).Finished("20261201-130000-cnn-abcd", "cnn", [1.5]);

        var run = await CliRun.RunAsync("train", "--resume", dir.Id, "--artifacts-dir", runs, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: --resume {dir.Id}: Run '{dir.Id}' is completed; it cannot become queued.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Train_UnknownModel_ExitsTwoWithOneLine()
    {
        var run = await CliRun.RunAsync("train", "--data", _root, "--model", "vgg", "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public async Task Train_MissingData_ExitsTwoNamingThePath()
    {
        var missing = Path.Combine(_root, "nope.zip");

        var run = await CliRun.RunAsync("train", "--data", missing, "--model", "cnn", "--device", "cpu", "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains("nope.zip"));
    }

    [Fact]
    public async Task Train_MaxTotalBytesBelowTheDataset_ExitsTwoNamingTheSourceAndTheCap()
    {
        var data = WriteImageFolder(trainPerClass: 4, testPerClass: 2);

        var run = await CliRun.RunAsync("train", "--data", data, "--model", "cnn", "--device", "cpu", "--no-cache", "--max-total-bytes", "10000",
            "--artifacts-dir", Path.Combine(_root, "runs"), "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var error = Assert.Single(run.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(data, error, StringComparison.Ordinal);
        Assert.Contains("10,000", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "runs")) && Directory.EnumerateDirectories(Path.Combine(_root, "runs")).Any(), "a refused dataset must not leave a run behind");
    }

    [Theory]
    [InlineData("--max-member-bytes", "0")]
    [InlineData("--max-member-bytes", "9999999999")]
    [InlineData("--max-total-bytes", "-1")]
    public async Task Train_CapOutOfRange_ExitsTwoNamingTheOption(string option, string value)
    {
        var run = await CliRun.RunAsync("train", "--data", _root, "--model", "cnn", "--device", "cpu", option, value, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.StartsWith($"error: {option} must be between 1 and", StringComparison.Ordinal) && l.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_MissingCheckpoint_ExitsTwo()
    {
        var run = await CliRun.RunAsync("evaluate", "--checkpoint", Path.Combine(_root, "model_1.params"), "--model", "cnn", "--data", _root, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.Contains("model_1.params"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
