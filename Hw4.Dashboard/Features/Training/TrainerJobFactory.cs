using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Devices;
using Hw4.Ml.Training;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Builds queue jobs that run <see cref="TrainingSession"/> into the configured runs folder.</summary>
public sealed class TrainerJobFactory(
    CifarDataProvider data, RunEventNotifier notifier, DeviceContext device, IOptions<Hw4Options> options) : ITrainJobFactory
{
    /// <inheritdoc />
    public IRunJob Create(string runId, TrainRequest request)
    {
        var trainer = new TrainerOptions
        {
            Model = request.Model,
            Epochs = request.Epochs,
            BatchSize = request.BatchSize,
            LearningRate = request.LearningRate,
            Seed = request.Seed,
            Augment = request.Augment,
            Limit = request.Limit,
            Device = DeviceResolver.Parse(options.Value.Device),
            RunsDir = RunStorePaths.RunsDir(options.Value),
            // Every batch: the notifier throttles what reaches browsers, and the per-batch chart needs the points.
            ProgressEveryBatches = 1,
        };
        if (request.ValidationSize is { } validationSize)
            trainer = trainer with { ValidationSize = validationSize };
        trainer.Validate();
        return new TrainingJob(runId, trainer, data, notifier, device.Name);
    }
}
