using System.Runtime.InteropServices;
using Hw4.Ml.Devices;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Runs;
using Hw4.Ml.Training.Events;
using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// One complete run as the CLI and the dashboard start it: create the run folder, train (every event also goes to
/// metrics.jsonl), evaluate the best checkpoint on the test split, and keep run.json's status current. Composes
/// <see cref="Trainer"/>, <see cref="Evaluator"/> and <see cref="RunDirectory"/>; it holds no state of its own.
/// </summary>
public static class TrainingSession
{
    /// <summary>Runs the session; torch work happens on dedicated threads, never on the caller's.</summary>
    /// <param name="data">The splits; <see cref="TrainerOptions.Limit"/> is applied to the training split here.</param>
    /// <param name="options">The recipe, including the runs folder.</param>
    /// <param name="modelFactory">Builds a fresh model of <see cref="TrainerOptions.Model"/>.</param>
    /// <param name="augmentation">The training augmentation (used when <see cref="TrainerOptions.Augment"/> is set).</param>
    /// <param name="sink">Also receives every event, synchronously on the training thread; keep it cheap.</param>
    /// <param name="cancellationToken">Stops training between two batches.</param>
    /// <param name="runId">A given id, or null for a new one.</param>
    public static async Task<TrainingSessionResult> RunAsync(
        TrainingData data,
        TrainerOptions options,
        Func<nn.Module<Tensor, Tensor>> modelFactory,
        IBatchTransform? augmentation = null,
        Action<TrainingEvent>? sink = null,
        CancellationToken cancellationToken = default,
        string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var created = DateTimeOffset.UtcNow;
        runId ??= RunId.New(options.Model, created);
        var train = options.Limit is { } limit && limit < data.Train.Count
            ? data.Train.Subset(Enumerable.Range(0, limit).ToArray())
            : data.Train;
        var device = DeviceResolver.Resolve(options.Device);

        var dir = RunDirectory.Create(options.RunsDir, runId);
        var record = new RunRecord
        {
            Id = runId,
            Model = options.Model.ToString().ToLowerInvariant(),
            Status = TrainingStatus.Running,
            Config = options,
            Versions = RuntimeVersions.Collect(),
            Device = device.type.ToString().ToLowerInvariant(),
            Seed = options.Seed,
            DatasetHash = data.DatasetHash,
            DatasetSource = data.DatasetSource,
            TrainImages = train.Count,
            ValidationImages = data.Validation.Count,
            TestImages = data.Test.Count,
            CreatedUtc = created,
        };
        dir.WriteRun(record);

        void Publish(TrainingEvent e)
        {
            dir.AppendMetric(e);
            sink?.Invoke(e);
        }

        var trainer = new Trainer(runId, options, modelFactory, dir.CheckpointsDir, Publish, augmentation);
        var training = await trainer.Start(train, data.Validation, cancellationToken).ConfigureAwait(false);

        EvaluationSummary? evaluation = null;
        var status = training.Status;
        var message = training.Message;
        if (training.BestEpoch is { } best && status != TrainingStatus.Cancelled)
        {
            try
            {
                var checkpoint = trainer.Checkpoints.ModelPath(best);
                evaluation = await Task.Factory.StartNew(
                    () => EvaluateCheckpoint(checkpoint, best, modelFactory, data.Test, device, options.EvalBatchSize, dir.ExamplesDir, dir.Path),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                dir.WriteEvaluation(evaluation);
                Publish(new Evaluated(runId, evaluation));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ExternalException or ArgumentException)
            {
                status = TrainingStatus.Failed;
                message = $"evaluation failed: {ex.Message.ReplaceLineEndings(" ")}";
                Publish(new Failed(runId, message));
            }
        }

        // The run's tensors are gone: give the memory LibTorch's allocator kept for speed back to the system.
        Runtime.MallocSettings.ReleaseFreeMemory();
        dir.WriteRun(record with
        {
            Status = status,
            Parameters = training.Parameters,
            BestEpoch = training.BestEpoch,
            Message = message,
            FinishedUtc = DateTimeOffset.UtcNow,
        });
        return new TrainingSessionResult(runId, dir.Path, training with { Status = status, Message = message }, evaluation);
    }

    /// <summary>
    /// Loads a checkpoint into a fresh model and evaluates it on <paramref name="test"/>; blocks (call it off the UI thread).
    /// Example PNGs go to <paramref name="examplesDir"/> when given; recorded paths are relative to <paramref name="relativeTo"/>.
    /// </summary>
    public static EvaluationSummary EvaluateCheckpoint(
        string checkpoint, int epoch, Func<nn.Module<Tensor, Tensor>> modelFactory, Data.ImageSet test, Device device,
        int batchSize = 256, string? examplesDir = null, string? relativeTo = null)
    {
        if (!File.Exists(checkpoint)) throw new InvalidDataException($"{checkpoint}: checkpoint not found.");
        using var model = modelFactory();
        model.to(device);
        try
        {
            model.load(checkpoint);
        }
        catch (Exception ex) when (ex is ArgumentException or ExternalException or IOException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{checkpoint}: cannot be loaded into this model ({ex.Message.ReplaceLineEndings(" ")}).", ex);
        }

        var predictions = Evaluator.Predict(model, test, device, batchSize);
        var recorded = relativeTo is null ? checkpoint : Path.GetRelativePath(relativeTo, checkpoint);
        var prefix = examplesDir is null ? "examples"
            : relativeTo is null ? examplesDir : Path.GetRelativePath(relativeTo, examplesDir);
        return Evaluator.Summarize(predictions, test, recorded, epoch, examplesDir, prefix.Replace('\\', '/'));
    }
}
