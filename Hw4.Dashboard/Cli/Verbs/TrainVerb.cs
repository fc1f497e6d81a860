using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Ml.Data;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>train</c>: trains the CNN or the residual CNN on CIFAR-10 with the seed recipe, checkpoints every epoch into
/// <c>runs/&lt;run-id&gt;/</c>, then evaluates the best epoch on the test split.
/// </summary>
public sealed class TrainVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "train";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var arguments = new TrainArguments();
        var command = new Command(Name, "Train a CIFAR-10 classifier (Adam, cross-entropy, checkpoint per epoch) and evaluate the best epoch on the test split.");
        arguments.AddTo(command);
        var common = arguments.Common;
        var dataset = arguments.Dataset;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(arguments.ArtifactsDir)!);
            RunDirectory dir;
            if (parse.GetValue(arguments.Resume) is { } id)
            {
                dir = Requeue(folder, id);
            }
            else
            {
                var options = arguments.Read(parse);
                common.ResolveDevice(parse);
                // The data first: a run is queued only once it can start.
                var loaded = dataset.Load(parse, context, cancellationToken);
                if (options.ValidationSize >= loaded.Train.Count)
                    throw new CliInputException($"--val-size: {options.ValidationSize} leaves no training images of the {loaded.Train.Count}.");
                dir = ClassificationRecipe.Queue(folder, options, TimeProvider.System);
                return await RunAsync(context, dir, loaded, common.IsJson(parse), cancellationToken);
            }

            common.ResolveDevice(parse);
            return await RunAsync(context, dir, dataset.Load(parse, context, cancellationToken), common.IsJson(parse), cancellationToken);
        });
        return command;
    }

    // Queues an interrupted, stopped or failed run again; anything else is bad input with the reason. The folder is
    // checked whole first (run.json, the checkpoint to continue from, the slots still to write), so a bad one is
    // exit 2 and the run is left as it was.
    private static RunDirectory Requeue(string artifactsDir, string id)
    {
        var dir = new RunRepository(artifactsDir, TimeProvider.System).TryOpen(id)
            ?? throw new CliInputException($"--resume {id}: no such run in {artifactsDir}.");
        try
        {
            var record = dir.ReadRun();
            record.TrainingConfig();
            if (record.OwnerElsewhere() is { } owner)
                throw new CliInputException($"--resume {id}: the run is training in process {owner.ProcessId} on {owner.Host}.");
            if (record.Status is not (RunStatus.Completed or RunStatus.Queued))
                ClassificationRecipe.Plan(dir);
            if (record.Status == RunStatus.Running)
                dir.Apply(run => run.Interrupt(RunInterruption.ProcessEnded, record.Attempt));
            ClassificationRecipe.Requeue(dir);
            return dir;
        }
        catch (Exception e) when (e is RunStatusChangeException or InvalidDataException)
        {
            throw new CliInputException($"--resume {id}: {e.Message}", e);
        }
    }

    private static async Task<int> RunAsync(CliContext context, RunDirectory dir, CifarData dataset, bool json, CancellationToken cancellationToken)
    {
        var options = dir.ReadRun().TrainingConfig();
        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"train {dir.Id}: {ModelFactory.Name(options.Model)}, {options.Epochs} epochs, batch {options.BatchSize}, lr {options.LearningRate}, augment {(options.Augment ? "on" : "off")}, limit {options.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
        var result = await ClassificationRecipe.RunAsync(dir, dataset, e => Report(context, e), cancellationToken);
        context.WriteResult(TrainOutput.From(result, ModelFactory.Name(options.Model)), json);
        return result.Status switch
        {
            RunStatus.Completed => ExitCodes.Success,
            RunStatus.Stopped => ExitCodes.Cancelled,
            _ => ExitCodes.Failure,
        };
    }

    /// <summary>Progress lines on stderr; called on the training thread, so it only formats and writes one line.</summary>
    private static void Report(CliContext context, RunEvent e)
    {
        var line = e switch
        {
            BatchProgress p => string.Create(CultureInfo.InvariantCulture,
                $"epoch {p.Epoch} batch {p.Batch}/{p.BatchesPerEpoch} loss {p.RunningLoss:F4} {p.ImagesPerSecond:F0} img/s eta {FormatEta(p.EtaSeconds)}"),
            RunStarted { ResumedFromEpoch: { } from } => $"resuming after epoch {from}",
            RunWarning w => $"warning: {w.Message}",
            EpochCompleted c => string.Create(CultureInfo.InvariantCulture,
                $"epoch {c.Epoch} done: train_loss {c.TrainLoss:F4} val_loss {c.ValLoss:F4} val_acc {c.ValAccuracy:P1} {c.Seconds:F1}s {c.ImagesPerSecond:F0} img/s"),
            CheckpointSaved s => $"checkpoint {s.Path}",
            Evaluated v => string.Create(CultureInfo.InvariantCulture,
                $"test accuracy {v.Summary.Accuracy:P2} (epoch {v.Summary.Epoch}); worst class {v.Summary.WorstClass}, most often taken for {v.Summary.MostConfusedWith ?? "nothing"}"),
            Diverged d => d.Message,
            RunEnded end => $"{end.Status.Name()}{(end.Message is { } m ? $": {m}" : "")}",
            _ => null,
        };
        if (line is not null) context.Progress(line);
    }

    private static string FormatEta(double? eta) =>
        eta is { } seconds ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "?";
}
