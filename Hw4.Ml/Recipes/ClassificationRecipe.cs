using System.Diagnostics;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Evaluation;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;
using Hw4.Ml.Transforms;
using TorchSharp;

namespace Hw4.Ml.Recipes;

/// <summary>
/// The homework's classification recipe, the one place that ties data, trainer, evaluation and run folder together
/// (the CLI's <c>train</c> and the dashboard's queue both call it, as torchvision's references/classification/train.py
/// sits on top of its library): split off the validation set and apply the limit, train (from the newest checkpoint
/// that loads, when the run was resumed), evaluate the best epoch on the test split, and move the run's status in
/// run.json. Every event goes to metrics.jsonl and to the caller's sink.
/// </summary>
public static class ClassificationRecipe
{
    /// <summary>
    /// Creates a run folder for <paramref name="options"/> with status queued and the full request in run.json, and
    /// returns it; nothing trains yet. Throws <see cref="ArgumentException"/> for an invalid request.
    /// </summary>
    public static RunDirectory Queue(string artifactsDir, TrainerOptions options, TimeProvider time, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var request = new RunRecord { Id = RunId.New(options.Model.ToString(), time.GetUtcNow()), Kind = RunKinds.Train, Config = options };
        return RunDirectory.Create(artifactsDir, Run.New(request, time), limits: limits, time: time);
    }

    /// <summary>
    /// Queues an interrupted, stopped or failed run again; its next attempt continues from the newest checkpoint that
    /// loads. Throws <see cref="RunStatusChangeException"/> for any other status and <see cref="InvalidDataException"/>
    /// for a run that is not a training run.
    /// </summary>
    public static RunQueued Requeue(RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        return dir.Apply(run =>
        {
            // Only a training run can continue from a checkpoint; anything else would be trained as if it were one.
            run.Record.TrainingConfig();
            return run.Requeue();
        });
    }

    /// <summary>
    /// Runs the queued run in <paramref name="dir"/> to its end on dedicated threads and returns how it ended; the
    /// status in run.json is final before <see cref="RunEnded"/> reaches <paramref name="sink"/>. Never throws for a
    /// failure of the run itself (bad data, a full disk, a crash in the loop): the run ends failed with the cause.
    /// </summary>
    /// <param name="dir">A run folder whose status is queued.</param>
    /// <param name="data">The CIFAR-10 train and test sets.</param>
    /// <param name="sink">Also receives every event, synchronously on the training thread; keep it cheap. Its exceptions are contained.</param>
    /// <param name="cancellationToken">Stops training between two batches (the run ends stopped).</param>
    /// <param name="host">The name recorded as the run's <see cref="RunRecord.Host"/>; null: the machine name.</param>
    /// <param name="attempt">The attempt a scheduler granted (its fencing token); null: the run's next.</param>
    public static async Task<ClassificationRunResult> RunAsync(
        RunDirectory dir, CifarData data, Action<RunEvent>? sink = null, CancellationToken cancellationToken = default, string? host = null,
        long? attempt = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var storage = new RecordingSink(dir, sink, cancellationToken);
        var record = dir.ReadRun();
        var options = record.TrainingConfig();
        var empty = new TrainingResult(RunStatus.Failed, [], [], 0, null);
        try
        {
            options.Validate();
            var split = DatasetSplitter.Split(data.Train, options.ValidationSize, (int)options.Seed);
            var train = options.Limit is { } limit && limit < split.Train.Count
                ? split.Train.Subset(Enumerable.Range(0, limit).ToArray())
                : split.Train;
            var device = DeviceResolver.Resolve(options.Device);
            var checkpoints = dir.Checkpoints;
            var (resumeFrom, resumedEpoch, warnings) = Plan(dir);
            long parameters;
            using (var counted = ModelFactory.Create(options.Model))
                parameters = counted.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

            storage.Attempt = dir.Start(host ?? Environment.MachineName, attempt, r => r with
            {
                Versions = RuntimeVersions.Collect(),
                Device = device.type.ToString().ToLowerInvariant(),
                DatasetHash = data.SourceHash,
                DatasetSource = data.Source,
                TrainImages = train.Count,
                ValidationImages = split.Validation.Count,
                TestImages = data.Test.Count,
                Parameters = parameters,
            });
            record = dir.ReadRun();
            using var alive = storage.KeepAlive();
            var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
            storage.Publish(new RunStarted(dir.Id, RunKinds.Train, record.Device!, options.Epochs, batches, resumedEpoch));
            foreach (var warning in warnings)
                storage.Publish(new RunWarning(dir.Id, warning));

            var trainer = new Trainer(dir.Id, options, () => ModelFactory.Create(options.Model), dir.CheckpointsDir, storage.Publish,
                options.Augment ? StandardAugmentation.Create() : null, dir.Limits, storage.Guard);
            var training = await trainer.Start(train, split.Validation, storage.Token, resumeFrom).ConfigureAwait(false);
            var (status, message) = (training.Status, training.Message);

            EvaluationSummary? evaluation = null;
            if (status is RunStatus.Completed or RunStatus.Diverged && training.Best is { } best && storage.Failure is null && storage.LeaseLost is null)
            {
                try
                {
                    var checkpoint = checkpoints.ModelPath(best.Epoch);
                    var predictions = await Task.Factory.StartNew(
                        () => Evaluator.PredictCheckpoint(checkpoint, () => ModelFactory.Create(options.Model), data.Test, device, options.EvalBatchSize, dir.Path),
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                    storage.Guard(() =>
                    {
                        var evaluated = Evaluator.Evaluate(predictions, checkpoint, best.Epoch, data.Test, dir.ExamplesDir, dir.Path);
                        // Predictions first: a run whose evaluation.json exists always has the labels a paired test needs.
                        dir.WritePredictions(evaluated.Predictions);
                        evaluation = evaluated.Summary;
                        dir.WriteEvaluation(evaluation);
                    });
                    storage.Publish(new Evaluated(dir.Id, evaluation!));
                }
                catch (RunLeaseLostException)
                {
                    // Another grant holds the run: nothing more is written here.
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    (status, message) = (RunStatus.Failed, $"evaluation failed: {RecordingSink.OneLine(ex)}");
                }
            }

            // A write that failed (a full disk) is the real cause of whatever the loop saw after it.
            if (storage.Failure is { } failure)
                (status, message) = (RunStatus.Failed, failure);

            // The run's tensors are gone: give the memory LibTorch's allocator kept for speed back to the system.
            Runtime.MallocSettings.ReleaseFreeMemory();
            End(dir, storage, status, message, clock);
            if (storage.LeaseLost is { } lost)
                (status, message) = (RunStatus.Interrupted, lost);
            return new ClassificationRunResult(dir.Id, dir.Path, status, message, training, evaluation);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or RunStatusChangeException or RunLeaseLostException))
        {
            var message = RecordingSink.OneLine(ex);
            End(dir, storage, RunStatus.Failed, message, clock);
            return new ClassificationRunResult(dir.Id, dir.Path, RunStatus.Failed, message, empty with { Message = message }, null);
        }
    }

    /// <summary>
    /// Checks that the run in <paramref name="dir"/> can be trained as its folder is, before anything runs (the CLI's
    /// <c>train --resume</c> asks first, so a bad folder is exit 2 and the run is left as it was): run.json and every
    /// value in it; the checkpoint the next attempt continues from, the newest whose three files pass every check and
    /// match the run's seed, batch size and model, with a warning for each newer one that does not (truncated,
    /// edited, a directory or a pipe in its place); and that nothing but a checkpoint file sits where the epochs still
    /// to train will write theirs (a directory there would end the run at that epoch).
    /// </summary>
    /// <exception cref="InvalidDataException">The folder cannot be trained as it is (the message names the file).</exception>
    public static ResumePlan Plan(RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var options = dir.ReadRun().TrainingConfig();
        var checkpoints = dir.Checkpoints;
        ResumePlan plan;
        if (checkpoints.EpochsNewestFirst().Count == 0)
        {
            plan = new ResumePlan(null, null, []);
        }
        else
        {
            var model = ModelFactory.Name(options.Model);
            var found = checkpoints.NewestLoadable(
                () => ModelFactory.Create(options.Model),
                m => new Hw4.Ml.Training.Adam(m.parameters(), options.LearningRate),
                state => state.Seed != options.Seed || state.BatchSize != options.BatchSize || state.Model != model
                    ? $"saved by a {state.Model} run with seed {state.Seed} and batch {state.BatchSize}, not this {model} run's seed {options.Seed} and batch {options.BatchSize}"
                    : null);
            plan = found is { } f
                ? new ResumePlan(checkpoints.ModelPath(f.Epoch), f.Epoch, f.Warnings)
                : new ResumePlan(null, 0, ["no checkpoint of this run loads; training starts again from epoch 1"]);
        }

        for (var epoch = (plan.ResumedEpoch ?? 0) + 1; epoch <= options.Epochs; epoch++)
        {
            foreach (var path in new[] { checkpoints.ModelPath(epoch), checkpoints.OptimizerPath(epoch), checkpoints.StatePath(epoch) })
            {
                if (InputFile.KindOf(path) is not (FileKind.Missing or FileKind.Regular) and var kind)
                    throw new InvalidDataException(
                        $"{checkpoints.NameOf(path)} is a {Describe(kind)}, not a checkpoint file: the run would {(plan.ResumedEpoch is > 0 ? $"resume after epoch {plan.ResumedEpoch}" : "start at epoch 1")} and write epoch {epoch}'s checkpoint there; move it away and resume again.");
            }
        }

        return plan;
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "directory",
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.Socket => "socket",
        _ => "device or other special file",
    };

    private static void End(RunDirectory dir, RecordingSink storage, RunStatus status, string? message, Stopwatch clock) =>
        RecipeEnd.End(dir, storage, status, message, clock);
}
