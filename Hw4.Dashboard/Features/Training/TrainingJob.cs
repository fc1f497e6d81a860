using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;
using Hw4.Ml.Data;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Transforms;
using TrainEvents = Hw4.Ml.Training.Events;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// One training run on the device queue: load (or reuse) the data, run <see cref="TrainingSession"/> (which writes the
/// run folder), and translate its events to wire events. The worker reports the end (finished, stopped, failed or
/// diverged) from how this returns.
/// </summary>
public sealed class TrainingJob(string runId, TrainerOptions options, CifarDataProvider data, RunEventNotifier notifier, string deviceName)
    : IRunJob
{
    private TrainEvents.Diverged? _diverged;

    /// <inheritdoc />
    public string RunId => runId;

    /// <inheritdoc />
    public string Kind => "train";

    /// <inheritdoc />
    public string Description => $"{ModelFactory.Name(options.Model)} × {options.Epochs} epochs, lr {options.LearningRate:G3}";

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cifar = data.Get(cancellationToken);
        var split = DatasetSplitter.Split(cifar.Train, options.ValidationSize, (int)options.Seed);
        var trainCount = Math.Min(split.Train.Count, options.Limit ?? int.MaxValue);
        notifier.Publish(new RunStarted(runId, Kind, deviceName, options.Epochs, (trainCount + options.BatchSize - 1) / options.BatchSize));

        var result = await TrainingSession.RunAsync(
            new TrainingData(split.Train, split.Validation, cifar.Test, cifar.SourceHash, cifar.Source),
            options,
            () => ModelFactory.Create(options.Model),
            options.Augment ? StandardAugmentation.Create() : null,
            Forward,
            cancellationToken,
            runId);

        switch (result.Training.Status)
        {
            case TrainingStatus.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            case TrainingStatus.Diverged:
                throw new RunDivergedException(_diverged?.Epoch ?? 0, _diverged?.Batch ?? 0, _diverged?.Message ?? result.Training.Message ?? "the loss became non-finite",
                    _diverged is { LastFiniteLoss: var l } && double.IsFinite(l) ? l : null);
            case TrainingStatus.Failed:
                throw new InvalidOperationException(result.Training.Message ?? "training failed");
        }
    }

    /// <summary>Maps a trainer event to its wire form; called on the training thread, so it only allocates and enqueues.</summary>
    private void Forward(TrainEvents.TrainingEvent e)
    {
        RunEvent? wire = e switch
        {
            TrainEvents.BatchProgress p => new BatchProgress(runId, p.Epoch, p.Batch, p.BatchesPerEpoch, p.GlobalStep, p.RunningLoss, p.ImagesPerSecond,
                double.IsFinite(p.EtaSeconds) ? p.EtaSeconds : null),
            TrainEvents.EpochCompleted c => new EpochCompleted(runId, c.Epoch, c.TrainLoss, c.ValLoss, c.ValAccuracy, c.Seconds, c.ImagesPerSecond),
            TrainEvents.CheckpointSaved s => new CheckpointSaved(runId, s.Epoch, s.Path, IsBest: false),
            TrainEvents.Evaluated v => new EvaluationCompleted(runId, v.Summary.Epoch, v.Summary.Accuracy, null, v.Summary.Images),
            // Finished, Failed, Cancelled and Diverged: the queue worker reports the end once, from how RunAsync returns.
            _ => null,
        };
        if (e is TrainEvents.Diverged diverged)
            _diverged = diverged;
        if (wire is not null)
            notifier.Publish(wire);
    }
}
