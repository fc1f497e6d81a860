using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>
/// One tiny CNN run trained for four epochs with the real <c>train</c> verb (a checkpoint per epoch), shared by the
/// tests that copy it and damage the copy. <see cref="CopyStopped"/> gives each test its own artifacts folder.
/// </summary>
public sealed class TrainedRunFixture : IAsyncLifetime
{
    /// <summary>Epochs trained.</summary>
    public const int Epochs = 4;

    /// <summary>The scratch folder (data, the trained run, the tests' copies).</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("hw4-trained-").FullName;

    /// <summary>The tiny image folder it trained on.</summary>
    public string Data { get; private set; } = "";

    /// <summary>The run's id.</summary>
    public string RunId { get; private set; } = "";

    private string Runs => Path.Combine(Root, "trained");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Data = TinyImageFolder.Write(Root, trainPerClass: 20, testPerClass: 4, seed: 3);
        var run = await CliRun.RunAsync("train", "--data", Data, "--model", "cnn", "--epochs", $"{Epochs}", "--limit", "32", "--val-size", "8",
            "--batch-size", "16", "--lr", "1e-3", "--threads", "2", "--device", "cpu", "--artifacts-dir", Runs, "--no-cache", "--json");
        if (run.ExitCode != ExitCodes.Success)
            throw new InvalidOperationException($"training the fixture run failed: {run.Stderr}");
        RunId = JsonDocument.Parse(run.LastStdoutLine).RootElement.GetProperty("run_id").GetString()!;
    }

    /// <summary>
    /// A copy of the run in a new artifacts folder, marked stopped (what resume is for); returns that folder. The copy's
    /// own run folder is <c>&lt;folder&gt;/&lt;RunId&gt;</c>.
    /// </summary>
    public string CopyStopped()
    {
        var artifacts = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(Runs, RunId), Path.Combine(artifacts, RunId));
        var runJson = Path.Combine(artifacts, RunId, "run.json");
        File.WriteAllText(runJson, File.ReadAllText(runJson).Replace("\"status\": \"completed\"", "\"status\": \"stopped\""));
        return artifacts;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
