using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Data;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Hw4.Ml.Transforms;

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
        var defaults = new TrainerOptions();
        var dataset = new DatasetArguments();
        var model = DatasetArguments.ModelOption();
        model.Required = false;
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, initialisation, shuffles and augmentation.", DefaultValueFactory = _ => 0 };
        var valSize = new Option<int>("--val-size") { Description = "Training images held out for validation.", DefaultValueFactory = _ => DatasetSplitter.DefaultValidationSize };
        var limit = new Option<int?>("--limit") { Description = "Train on only the first N training images (validation and test stay whole)." };
        var noAugment = new Option<bool>("--no-augment") { Description = "Train without the flip/affine/colour-jitter augmentation." };
        var artifactsDir = CommonOptions.ArtifactsDir("The run is created (or resumed) there.");
        var progressEvery = new Option<int>("--progress-every") { Description = "Print progress every N batches.", DefaultValueFactory = _ => defaults.ProgressEveryBatches };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue an interrupted, stopped or failed run (its id in --artifacts-dir) from its newest checkpoint that loads; its recipe comes from its run.json.",
            HelpName = "RUN_ID",
        };
        var common = new CommonOptions();

        var command = new Command(Name, "Train a CIFAR-10 classifier (Adam, cross-entropy, checkpoint per epoch) and evaluate the best epoch on the test split.")
        {
            model, epochs, batchSize, lr, seed, valSize, limit, noAugment, artifactsDir, progressEvery, resume,
        };
        dataset.AddTo(command);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(artifactsDir)!);
            RunDirectory dir;
            if (parse.GetValue(resume) is { } id)
            {
                dir = Requeue(folder, id);
            }
            else
            {
                var kind = parse.GetValue(model) is { } m ? DatasetArguments.ParseModel(m)
                    : throw new CliInputException("train: --model cnn|residual is required (or --resume RUN_ID).");
                if (parse.GetValue(seed) < 0) throw new CliInputException($"--seed must be 0 or more (got {parse.GetValue(seed)}).");
                var options = new TrainerOptions
                {
                    Model = kind,
                    Epochs = parse.GetValue(epochs),
                    BatchSize = parse.GetValue(batchSize),
                    LearningRate = parse.GetValue(lr),
                    Seed = parse.GetValue(seed),
                    Augment = !parse.GetValue(noAugment),
                    Limit = parse.GetValue(limit),
                    ValidationSize = parse.GetValue(valSize),
                    Threads = parse.GetValue(common.Threads),
                    Device = parse.GetValue(common.Device),
                    ProgressEveryBatches = parse.GetValue(progressEvery),
                };
                try
                {
                    options.Validate();
                }
                catch (ArgumentException e)
                {
                    throw new CliInputException(e.Message, e);
                }

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

    // Queues an interrupted, stopped or failed run again; anything else is bad input with the reason.
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
