using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Ml.IO;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>evaluate</c>: test-split accuracy, per-class accuracy and confusion matrix of one checkpoint: a run's
/// (<c>--run ID [--epoch N]</c>; the model comes from its run.json) or any checkpoint file (<c>--checkpoint P --model M</c>).
/// </summary>
public sealed class EvaluateVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => EvaluateArguments.Verb;

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var arguments = new EvaluateArguments();
        var common = arguments.Common;
        var command = new Command(Name, "Evaluate a run's checkpoint (--run ID [--epoch N]) or a checkpoint file (--checkpoint P --model M) on the test split.");
        arguments.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (path, epoch, kind) = Locate(parse, arguments);
            // LibTorch opens the file itself; a FIFO would block it forever and a device never end.
            if (InputFile.RefusalReason(path) is { } reason)
                throw new CliInputException($"--checkpoint {path}: {reason}.");
            var device = common.ResolveDevice(parse);
            var dataset = arguments.Dataset.Load(parse, context, cancellationToken);
            context.Progress(string.Create(CultureInfo.InvariantCulture, $"evaluate: {ModelFactory.Name(kind)} {path} on {dataset.Test.Count} test images, device {device}"));
            var examples = parse.GetValue(arguments.ExamplesDir) is { } dir ? Path.GetFullPath(dir) : null;
            var summary = await Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        return Hw4.Ml.Evaluation.Evaluator.EvaluateCheckpoint(path, epoch, () => ModelFactory.Create(kind), dataset.Test, device, 256, examples).Summary;
                    }
                    catch (InvalidDataException e)
                    {
                        throw new CliInputException(e.Message, e);
                    }
                },
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            context.WriteResult(TestOutput.From(summary), common.IsJson(parse));
            return ExitCodes.Success;
        });
        return command;
    }

    // The checkpoint file, its epoch and the model, from --run (and --epoch) or from --checkpoint and --model.
    private static (string Path, int Epoch, ModelKind Kind) Locate(ParseResult parse, EvaluateArguments arguments)
    {
        var runId = parse.GetValue(arguments.Run);
        var file = parse.GetValue(arguments.Checkpoint);
        if ((runId is null) == (file is null))
            throw new CliInputException("evaluate: give --run RUN_ID (with --epoch N for another checkpoint) or --checkpoint PATH --model cnn|residual.");
        if (file is not null)
        {
            if (parse.GetValue(arguments.Epoch) is not null)
                throw new CliInputException("--epoch goes with --run; a --checkpoint file is one epoch already.");
            var model = parse.GetValue(arguments.Model) ?? throw new CliInputException("--checkpoint needs --model cnn|residual.");
            if (!file.Exists)
                throw new CliInputException($"--checkpoint {file.FullName}: file not found.");
            return (file.FullName, CheckpointStore.TryEpochOf(file.FullName, out var e) ? e : 0, DatasetArguments.ParseModel(model));
        }

        var folder = Path.GetFullPath(parse.GetValue(arguments.ArtifactsDir)!);
        var runDir = Path.Combine(folder, runId!);
        if (!RunId.IsValid(runId) || !File.Exists(Path.Combine(runDir, RunDirectory.RunFile)))
            throw new CliInputException($"--run {runId}: no such run in {folder}.");
        var summary = RunDirectoryReader.Read(runDir);
        if (summary.Problem is { } problem)
            throw new CliInputException($"--run {runId}: {problem}");
        var record = summary.Record!;
        if (record.Kind != RunKinds.Train || record.Config is not { } config)
            throw new CliInputException($"--run {runId}: a {record.Kind} run has no checkpoint to evaluate.");
        if (parse.GetValue(arguments.Model) is { } asked && DatasetArguments.ParseModel(asked) != config.Model)
            throw new CliInputException($"--model {asked}: run {runId} is a {ModelFactory.Name(config.Model)} run.");
        var dir = RunDirectory.Open(runDir);
        var store = new CheckpointStore(dir.CheckpointsDir);
        var available = store.EpochsNewestFirst();
        int? evaluated;
        try
        {
            evaluated = dir.ReadEvaluation()?.Epoch;
        }
        catch (InvalidDataException)
        {
            evaluated = null;
        }

        var epoch = parse.GetValue(arguments.Epoch) ?? evaluated ?? summary.Best?.Epoch
            ?? throw new CliInputException($"--run {runId}: no completed epoch, so no checkpoint to evaluate.");
        if (!available.Contains(epoch))
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                $"--epoch {epoch}: run {runId} has no checkpoint of that epoch (has {(available.Count == 0 ? "none" : string.Join(", ", available.Order()))})."));
        return (store.ModelPath(epoch), epoch, config.Model);
    }
}
