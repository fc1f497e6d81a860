using System.Diagnostics;
using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Tests.Features.Runs;
using Hw4.Ml.Data;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;
using Hw4.Testing;
using TorchSharp;

namespace Hw4.Dashboard.Tests.Cli;

[Trait("Category", "System")]
public sealed class ExportVerbTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hw4-exportverb-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Runs => Path.Combine(_root, "runs");

    [Fact]
    public async Task Export_UnknownRun_Exits2WithOneLineNamingIt()
    {
        new RunFolderBuilder(Runs).Finished("known-run", "cnn", [1.0]);

        var run = await CliRun.RunAsync("export", "--run", "missing-run", "--artifacts-dir", Runs, "--format", "json", "--out", Path.Combine(_root, "x.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: run missing-run: no such run", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "x.json")));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--table", "losses")]
    [InlineData("--epoch", "7")]
    [InlineData("--compare", "other-run")]
    public async Task Export_BadOption_Exits2WithOneLine(string option, string value)
    {
        new RunFolderBuilder(Runs).Finished("known-run", "cnn", [1.0]);
        string[] format = option == "--format" ? [] : ["--format", option == "--table" ? "csv" : "json"];

        var run = await CliRun.RunAsync(["export", "--run", "known-run", "--artifacts-dir", Runs, "--out", Path.Combine(_root, "x"), .. format, option, value]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.StartsWith("error:", run.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_JsonAndComparison_WriteTheFilesAndReportThem()
    {
        var builder = new RunFolderBuilder(Runs);
        builder.Finished("run-a", "cnn", [1.0, 0.9], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        builder.Finished("run-b", "residual", [1.1, 0.8], [[6, 0, 0], [1, 3, 0], [0, 0, 4]]);
        var json = Path.Combine(_root, "out", "a.json");
        var html = Path.Combine(_root, "out", "cmp.html");

        var single = await CliRun.RunAsync("export", "--run", "run-a", "--artifacts-dir", Runs, "--format", "json", "--out", json, "--json");
        var compare = await CliRun.RunAsync("export", "--run", "run-a", "--compare", "run-b", "--artifacts-dir", Runs, "--format", "html", "--out", html);

        Assert.True(single.ExitCode == ExitCodes.Success, single.Stderr);
        Assert.Equal(json, JsonDocument.Parse(single.LastStdoutLine).RootElement.GetProperty("path").GetString());
        Assert.Equal("run-a", RunJsonExport.Deserialize(File.ReadAllBytes(json)).Id);
        Assert.True(compare.ExitCode == ExitCodes.Success, compare.Stderr);
        var text = File.ReadAllText(html);
        Assert.Contains("Hw4 comparison of run-a, run-b", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The PyTorch check: train a tiny CNN with the CLI on PNG images (lossless, so PIL decodes the same pixels as
    /// Hw4), export its best checkpoint as a state_dict, load it in Debian's PyTorch with scripts/pytorch, and get the
    /// same prediction for every test image, hence the same accuracy as Hw4's evaluation.json.
    /// </summary>
    [Fact]
    public async Task Export_PtOfATrainedRun_PyTorchPredictsEveryTestImageAsHw4Does()
    {
        Prerequisite.PyTorch.Require();
        var data = WriteImageFolder(trainPerClass: 30, testPerClass: 10);
        var train = await CliRun.RunAsync("train", "--data", data, "--model", "cnn", "--epochs", "3",
            "--val-size", "12", "--batch-size", "8", "--lr", "2e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", Runs, "--no-cache", "--no-augment", "--json");
        Assert.True(train.ExitCode == ExitCodes.Success, train.Stderr);
        var result = JsonDocument.Parse(train.LastStdoutLine).RootElement;
        var id = result.GetProperty("run_id").GetString()!;
        var best = result.GetProperty("best_epoch").GetInt32();
        var stateDict = Path.Combine(_root, "best.pt");

        var export = await CliRun.RunAsync("export", "--run", id, "--artifacts-dir", Runs, "--format", "pt", "--out", stateDict);
        Assert.True(export.ExitCode == ExitCodes.Success, export.Stderr);

        // Hw4's own predictions of the same checkpoint, image by image.
        var test = DatasetLoader.Load(data, new DatasetLoadOptions { UseCache = false }).Test;
        int[] hw4;
        using (var model = ModelFactory.Create(ModelKind.Cnn))
        {
            model.load(Path.Combine(Runs, id, "checkpoints", $"model_{best}.params"));
            hw4 = Evaluator.Predict(model, test, torch.CPU).Predicted;
        }

        var python = RunPython("eval_state_dict.py", "--model", "cnn", "--state-dict", stateDict, "--data", data, "--predictions");
        var py = JsonDocument.Parse(python).RootElement;
        var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(Runs, id, "evaluation.json"))).RootElement;

        Assert.Equal(test.Count, py.GetProperty("images").GetInt32());
        Assert.Equal(hw4, py.GetProperty("predictions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(evaluation.GetProperty("accuracy").GetDouble(), py.GetProperty("accuracy").GetDouble(), 12);
        // A model that learned something, so equal predictions are not all one class by chance.
        Assert.True(hw4.Distinct().Count() > 1, "the tiny model predicts a single class");
    }

    private static string RunPython(string script, params string[] args)
    {
        var path = Path.Combine(Hw4.Dashboard.Tests.Integration.RepositoryFiles.Root(), "scripts", "pytorch", script);
        var start = new ProcessStartInfo(Prerequisite.PythonPath, [path, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), $"{script} did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result.Trim().Split('\n')[^1];
    }

    private string WriteImageFolder(int trainPerClass, int testPerClass) => TinyImageFolder.Write(_root, trainPerClass, testPerClass, seed: 5);
}
