using System.CommandLine;
using System.Globalization;
using Hw4.Ml.IO;
using Hw4.Ml.Models;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>evaluate</c>: test-split accuracy, per-class accuracy and confusion matrix of one checkpoint.</summary>
public sealed class EvaluateVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "evaluate";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "A model_<epoch>.params file written by train.", Required = true };
        var datasetOptions = new DatasetArguments();
        var model = DatasetArguments.ModelOption();
        var examplesDir = new Option<string?>("--examples-dir") { Description = "Also save up to 10 PNGs of the worst confusion here." };
        var common = new CommonOptions();
        var command = new Command(Name, "Evaluate a checkpoint on the test split.") { checkpoint, model, examplesDir };
        datasetOptions.AddTo(command);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var kind = DatasetArguments.ParseModel(parse.GetValue(model)!);
            var file = parse.GetValue(checkpoint)!;
            if (!file.Exists) throw new CliInputException($"--checkpoint {file.FullName}: file not found.");
            // LibTorch opens the file itself; a FIFO would block it forever and a device never end.
            if (InputFile.RefusalReason(file.FullName) is { } reason)
                throw new CliInputException($"--checkpoint {file.FullName}: {reason}.");
            var device = common.ResolveDevice(parse);
            var dataset = datasetOptions.Load(parse, context, cancellationToken);
            var epoch = EpochOf(file.Name);
            context.Progress(string.Create(CultureInfo.InvariantCulture, $"evaluate: {ModelFactory.Name(kind)} {file.FullName} on {dataset.Test.Count} test images, device {device}"));
            var examples = parse.GetValue(examplesDir) is { } dir ? Path.GetFullPath(dir) : null;
            var summary = await Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        return Hw4.Ml.Evaluation.Evaluator.EvaluateCheckpoint(file.FullName, epoch, () => ModelFactory.Create(kind), dataset.Test, device, 256, examples).Summary;
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

    private static int EpochOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name.StartsWith("model_", StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), out var e) ? e : 0;
    }
}
