using System.Diagnostics;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Evaluation;
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
    public static RunDirectory Queue(string artifactsDir, TrainerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var request = new RunRecord { Id = RunId.New(options.Model.ToString(), time.GetUtcNow()), Kind = RunKinds.Train, Config = options };
        return RunDirectory.Create(artifactsDir, Run.New(request, time), time: time);
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
            var checkpoints = new CheckpointStore(dir.CheckpointsDir);
            var (resumeFrom, resumedEpoch, warnings) = FindResumePoint(checkpoints, options);
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
                options.Augment ? StandardAugmentation.Create() : null, storage.Guard);
            var training = await trainer.Start(train, split.Validation, storage.Token, resumeFrom).ConfigureAwait(false);
            var (status, message) = (training.Status, training.Message);

            EvaluationSummary? evaluation = null;
            if (status is RunStatus.Completed or RunStatus.Diverged && training.Best is { } best && storage.Failure is null && storage.LeaseLost is null)
            {
                try
                {
                    var checkpoint = checkpoints.ModelPath(best.Epoch);
                    var predictions = await Task.Factory.StartNew(
                        () => Evaluator.PredictCheckpoint(checkpoint, () => ModelFactory.Create(options.Model), data.Test, device, options.EvalBatchSize),
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

    // The newest checkpoint that loads, and a warning for each newer one that did not.
    private static (string? Path, int? Epoch, IReadOnlyList<string> Warnings) FindResumePoint(CheckpointStore checkpoints, TrainerOptions options)
    {
        if (checkpoints.EpochsNewestFirst().Count == 0)
            return (null, null, []);
        var found = checkpoints.NewestLoadable(
            () => ModelFactory.Create(options.Model),
            model => torch.optim.Adam(model.parameters(), options.LearningRate));
        return found is { } f
            ? (checkpoints.ModelPath(f.Epoch), f.Epoch, f.Warnings)
            : (null, 0, ["no checkpoint of this run loads; training starts again from epoch 1"]);
    }

    private static void End(RunDirectory dir, RecordingSink storage, RunStatus status, string? message, Stopwatch clock) =>
        RecipeEnd.End(dir, storage, status, message, clock);
}
