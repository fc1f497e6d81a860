using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Data;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Training.Events;
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
        var data = DatasetArguments.DataOption();
        var noCache = DatasetArguments.NoCacheOption();
        var model = DatasetArguments.ModelOption();
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, initialisation, shuffles and augmentation.", DefaultValueFactory = _ => 0 };
        var valSize = new Option<int>("--val-size") { Description = "Training images held out for validation.", DefaultValueFactory = _ => DatasetSplitter.DefaultValidationSize };
        var limit = new Option<int?>("--limit") { Description = "Train on only the first N training images (validation and test stay whole)." };
        var noAugment = new Option<bool>("--no-augment") { Description = "Train without the flip/affine/colour-jitter augmentation." };
        var runsDir = new Option<string>("--runs-dir") { Description = "Folder for run folders.", DefaultValueFactory = _ => new Hw4Options().RunsDir };
        var progressEvery = new Option<int>("--progress-every") { Description = "Print progress every N batches.", DefaultValueFactory = _ => defaults.ProgressEveryBatches };
        var common = new CommonOptions();

        var command = new Command(Name, "Train a CIFAR-10 classifier (Adam, cross-entropy, checkpoint per epoch) and evaluate the best epoch on the test split.")
        {
            data, model, epochs, batchSize, lr, seed, valSize, limit, noAugment, runsDir, progressEvery, noCache,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var kind = DatasetArguments.ParseModel(parse.GetValue(model)!);
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
                RunsDir = Path.GetFullPath(parse.GetValue(runsDir)!),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliInputException(e.Message, e);
            }

            var device = common.ResolveDevice(parse);
            var dataset = DatasetArguments.Load(parse.GetValue(data), parse.GetValue(noCache), context, cancellationToken);
            TrainValidationSplit split;
            try
            {
                split = DatasetSplitter.Split(dataset.Train, options.ValidationSize, (int)options.Seed);
            }
            catch (DatasetException e)
            {
                throw new CliInputException($"--val-size: {e.Message}", e);
            }

            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"train: {ModelFactory.Name(kind)} on {Math.Min(split.Train.Count, options.Limit ?? int.MaxValue)} images (validation {split.Validation.Count}, test {dataset.Test.Count}), {options.Epochs} epochs, batch {options.BatchSize}, lr {options.LearningRate}, augment {(options.Augment ? "on" : "off")}, device {device}"));
            var result = await TrainingSession.RunAsync(
                new TrainingData(split.Train, split.Validation, dataset.Test, dataset.SourceHash, dataset.Source),
                options,
                () => ModelFactory.Create(kind),
                StandardAugmentation.Create(),
                e => Report(context, e),
                cancellationToken);

            context.WriteResult(TrainOutput.From(result, ModelFactory.Name(kind)), common.IsJson(parse));
            return result.Training.Status switch
            {
                TrainingStatus.Completed => ExitCodes.Success,
                TrainingStatus.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failure,
            };
        });
        return command;
    }

    /// <summary>Progress lines on stderr; called on the training thread, so it only formats and writes one line.</summary>
    private static void Report(CliContext context, TrainingEvent e)
    {
        var line = e switch
        {
            BatchProgress p => string.Create(CultureInfo.InvariantCulture,
                $"epoch {p.Epoch} batch {p.Batch}/{p.BatchesPerEpoch} loss {p.RunningLoss:F4} {p.ImagesPerSecond:F0} img/s eta {FormatEta(p.EtaSeconds)}"),
            EpochCompleted c => string.Create(CultureInfo.InvariantCulture,
                $"epoch {c.Epoch} done: train_loss {c.TrainLoss:F4} val_loss {c.ValLoss:F4} val_acc {c.ValAccuracy:P1} {c.Seconds:F1}s {c.ImagesPerSecond:F0} img/s"),
            CheckpointSaved s => $"checkpoint {s.Path}",
            Evaluated v => string.Create(CultureInfo.InvariantCulture,
                $"test accuracy {v.Summary.Accuracy:P2} (epoch {v.Summary.Epoch}); worst class {v.Summary.WorstClass}, most often taken for {v.Summary.MostConfusedWith ?? "nothing"}"),
            Diverged d => d.Message,
            Failed f => $"failed: {f.Message}",
            Cancelled c => $"cancelled at epoch {c.Epoch}, batch {c.Batch}",
            Finished f => string.Create(CultureInfo.InvariantCulture, $"finished: best epoch {f.BestEpoch} (val_loss {f.BestValLoss:F4})"),
            _ => null,
        };
        if (line is not null) context.Progress(line);
    }

    private static string FormatEta(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "?";
}
