using System.Text.Json;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Tests.Features.Report;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Tests.Cli;

[Collection(TinyHomeworkCollection.Name)]
public sealed class EvaluateVerbTests(TinyHomeworkRuns runs)
{
    [Fact]
    public async Task Evaluate_Run_EvaluatesTheCheckpointItsEvaluationWasMadeFrom()
    {
        var evaluation = RunDirectory.Open(Path.Combine(runs.Runs, runs.CnnId)).ReadEvaluation()!;

        var run = await CliRun.RunAsync("evaluate", "--run", runs.CnnId, "--artifacts-dir", runs.Runs, "--data", runs.Data, "--device", "cpu", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var result = JsonDocument.Parse(run.LastStdoutLine).RootElement;
        Assert.Equal(evaluation.Accuracy, result.GetProperty("accuracy").GetDouble());
        Assert.EndsWith($"model_{evaluation.Epoch}.params", result.GetProperty("checkpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_RunAndEpoch_EvaluatesThatEpochsCheckpoint()
    {
        var run = await CliRun.RunAsync("evaluate", "--run", runs.ResidualId, "--epoch", "1", "--artifacts-dir", runs.Runs, "--data", runs.Data, "--device", "cpu", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.EndsWith("model_1.params", JsonDocument.Parse(run.LastStdoutLine).RootElement.GetProperty("checkpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EpochWithoutCheckpoint_Exits2ListingTheEpochsThereAre()
    {
        var run = await CliRun.RunAsync("evaluate", "--run", runs.CnnId, "--epoch", "9", "--artifacts-dir", runs.Runs, "--data", runs.Data);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: --epoch 9: run {runs.CnnId} has no checkpoint of that epoch (has 1, 2).", Assert.Single(run.StderrLines));
    }

    [Theory]
    [InlineData("no-such-run", "error: --run no-such-run: no such run in ")]
    public async Task Evaluate_UnknownRun_Exits2NamingItAndTheFolder(string id, string message)
    {
        var run = await CliRun.RunAsync("evaluate", "--run", id, "--artifacts-dir", runs.Runs, "--data", runs.Data);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message + runs.Runs, Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_DenoisingRun_Exits2SayingItHasNoCheckpoint()
    {
        var id = runs.DenoiseIds[("l1", "gd")];

        var run = await CliRun.RunAsync("evaluate", "--run", id, "--artifacts-dir", runs.Runs, "--data", runs.Data);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: --run {id}: a denoise run has no checkpoint to evaluate.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Evaluate_RunAndCheckpointTogether_Exits2SayingWhichToGive()
    {
        var run = await CliRun.RunAsync("evaluate", "--run", runs.CnnId, "--checkpoint", "x.params", "--model", "cnn");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: evaluate: give --run RUN_ID", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }
}
