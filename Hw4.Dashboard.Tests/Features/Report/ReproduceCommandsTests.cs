using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Features.Report;

/// <summary>
/// A report's commands are a claim: each must make its figure again. These tests take every command a generated report
/// prints and run it as it is written (with <c>--json</c> added to read its result), in a shell, as a child process of
/// the built CLI, from an empty folder; then compare what it gives with the figure the report shows.
/// </summary>
[Collection(TinyHomeworkCollection.Name)]
public sealed partial class ReproduceCommandsTests(TinyHomeworkRuns runs)
{
    [Fact]
    public async Task ReportCommands_RunAsPrinted_EachReproducesItsFigure()
    {
        var reportPath = Path.Combine(runs.Root, "commands.html");
        var made = await CliRun.RunAsync("report", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--format", "html", "--out", reportPath);
        Assert.True(made.ExitCode == ExitCodes.Success, made.Stderr);
        var html = File.ReadAllText(reportPath);
        var commands = Commands(html);
        // 1.1, six denoising parts, train and evaluate of each model, and the whole report.
        Assert.Equal(1 + 6 + 2 * 2 + 1, commands.Count);
        var work = Directory.CreateTempSubdirectory("hw4-rerun-").FullName;
        try
        {
            foreach (var command in commands)
            {
                Assert.StartsWith(CliCommandLine.Program + " ", command, StringComparison.Ordinal);
                var (exit, stdout, stderr) = await RunAsync(command, work);
                var verb = command[(CliCommandLine.Program.Length + 1)..].Split(' ')[0];
                var result = exit is ExitCodes.Success or ExitCodes.Diverged ? JsonDocument.Parse(LastLine(stdout)).RootElement : default;
                switch (verb)
                {
                    case "taylor":
                        Assert.True(exit == ExitCodes.Success, $"{command}\n{stderr}");
                        var taylor = Hw4.Ml.Autograd.TaylorExperiment.Run(new Hw4.Ml.Autograd.TaylorOptions(), TorchSharp.torch.CPU);
                        Assert.Equal(taylor.Grad, result.GetProperty("grad").GetDouble());
                        Assert.Equal(taylor.MaxAbsErrorOverPoints, result.GetProperty("max_abs_error_over_points").GetDouble());
                        break;
                    case "denoise":
                        var run = RunDirectoryReader.Read(Path.Combine(runs.Runs, RunIdIn(command)));
                        if (run.Divergence is { } diverged)
                        {
                            Assert.True(exit == ExitCodes.Diverged, $"{command}\n{stderr}");
                            Assert.Equal(diverged.Batch, result.GetProperty("diverged_at_step").GetInt32());
                        }
                        else
                        {
                            Assert.True(exit == ExitCodes.Success, $"{command}\n{stderr}");
                            Assert.Equal(ReportText.Psnr(run.DenoisePsnr), ReportText.Psnr(result.GetProperty("psnr_output").GetDouble()));
                            Assert.Contains($"PSNR {ReportText.Psnr(run.DenoisePsnr)}", html, StringComparison.Ordinal);
                        }

                        break;
                    case "train":
                        Assert.True(exit == ExitCodes.Success, $"{command}\n{stderr}");
                        var original = Original(command, result);
                        Assert.Equal(original.Accuracy, result.GetProperty("test").GetProperty("accuracy").GetDouble());
                        Assert.Equal(original.ConfusionMatrix, Matrix(result.GetProperty("test").GetProperty("confusion_matrix")));
                        break;
                    case "evaluate":
                        Assert.True(exit == ExitCodes.Success, $"{command}\n{stderr}");
                        var evaluation = RunDirectory.Open(Path.Combine(runs.Runs, RunIdIn(command))).ReadEvaluation()!;
                        Assert.Equal(evaluation.Accuracy, result.GetProperty("accuracy").GetDouble());
                        Assert.Equal(evaluation.ConfusionMatrix, Matrix(result.GetProperty("confusion_matrix")));
                        Assert.Contains($"test accuracy {ReportText.Percent(evaluation.Accuracy)}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
                        break;
                    case "report":
                        Assert.True(exit == ExitCodes.Success, $"{command}\n{stderr}");
                        // The same runs, part by part, and a file written where the command says.
                        Assert.Equal(runs.CnnId, result.GetProperty("runs").GetProperty("cnn").GetString());
                        Assert.Equal(runs.DenoiseIds[("l2", "seed")], result.GetProperty("runs").GetProperty("seed-l2").GetString());
                        Assert.True(File.Exists(Path.Combine(work, ReproduceCommands.ReportFile)));
                        break;
                    default:
                        Assert.Fail($"unexpected verb in {command}");
                        break;
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The training run a train command re-made: the one of the same model and seed in the fixture.
    private Hw4.Ml.Evaluation.EvaluationSummary Original(string command, JsonElement result)
    {
        var model = result.GetProperty("model").GetString();
        var seed = int.Parse(SeedOption().Match(command).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var id = (model == "cnn" ? runs.CnnIds : runs.ResidualIds)[seed];
        return RunDirectory.Open(Path.Combine(runs.Runs, id)).ReadEvaluation()!;
    }

    private static List<string> Commands(string html) =>
        [.. CommandElement().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["c"].Value))];

    private string RunIdIn(string command) =>
        Directory.GetDirectories(runs.Runs).Select(Path.GetFileName).Single(id => command.Contains(id!, StringComparison.Ordinal))!;

    private static long[][] Matrix(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray())];

    private static string LastLine(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    // The printed line through bash, with the program as the build left it instead of `dotnet run --project …`.
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string command, string workingDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Hw4.Dashboard.dll");
        var line = $"dotnet {CliCommandLine.Quote(dll)}{command[CliCommandLine.Program.Length..]} --json";
        var info = new ProcessStartInfo("bash", ["-c", line])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex("<code class=\"command\">(?<c>[^<]*)</code>")]
    private static partial Regex CommandElement();

    [GeneratedRegex(@"--seed (\d+)")]
    private static partial Regex SeedOption();
}
