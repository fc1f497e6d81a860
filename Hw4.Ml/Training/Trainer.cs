using System.Diagnostics;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Training;

/// <summary>
/// Trains a classifier with the seed recipe: Adam, cross-entropy, a reshuffle every epoch, validation after every epoch
/// and a checkpoint at its end. Everything random is seeded from <see cref="TrainerOptions.Seed"/>. The loop runs on one
/// dedicated thread (TorchSharp dispose scopes are thread-static) and reports through a synchronous sink that must stay
/// cheap. Cancellation is checked before every batch.
/// </summary>
public sealed class Trainer
{
    private readonly string _runId;
    private readonly TrainerOptions _options;
    private readonly Func<nn.Module<Tensor, Tensor>> _modelFactory;
    private readonly IBatchTransform? _augmentation;
    private readonly CheckpointStore _checkpoints;
    private readonly Action<RunEvent> _sink;
    private readonly Action<Action> _writeGuard;

    /// <summary>Creates a trainer; nothing runs until <see cref="Start"/> or <see cref="Run"/>.</summary>
    /// <param name="runId">Stamped on every event.</param>
    /// <param name="options">The recipe (validated here).</param>
    /// <param name="modelFactory">Builds a fresh, untrained model; called after the seed is set.</param>
    /// <param name="checkpointDir">Folder for the end-of-epoch checkpoints.</param>
    /// <param name="sink">Receives events synchronously on the training thread; keep it cheap and non-blocking.</param>
    /// <param name="augmentation">Applied to training batches when <see cref="TrainerOptions.Augment"/> is set.</param>
    /// <param name="limits">The caps checkpoint files are read within when resuming (default: <see cref="Runs.RunFileLimits.Default"/>).</param>
    /// <param name="writeGuard">Runs each checkpoint's writes (a run attempt's fence: refused once another holds the run).</param>
    public Trainer(
        string runId,
        TrainerOptions options,
        Func<nn.Module<Tensor, Tensor>> modelFactory,
        string checkpointDir,
        Action<RunEvent> sink,
        IBatchTransform? augmentation = null,
        Runs.RunFileLimits? limits = null,
        Action<Action>? writeGuard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _runId = runId;
        _options = options;
        _modelFactory = modelFactory ?? throw new ArgumentNullException(nameof(modelFactory));
        _checkpoints = new CheckpointStore(checkpointDir, limits);
        _writeGuard = writeGuard ?? (write => write());
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _augmentation = options.Augment ? augmentation : null;
    }

    /// <summary>The checkpoint folder.</summary>
    public CheckpointStore Checkpoints => _checkpoints;

    /// <summary>
    /// Runs <see cref="Run"/> on a new dedicated thread and completes when it ends. The task never faults: errors become a
    /// result with <see cref="RunStatus.Failed"/> and the error's message, even one thrown by the sink.
    /// </summary>
    public Task<TrainingResult> Start(ImageSet train, ImageSet validation, CancellationToken cancellationToken = default, string? resumeFrom = null)
    {
        var completion = new TaskCompletionSource<TrainingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            // Nothing may escape a bare thread: it would end the process, and with it every other run and page.
            try
            {
                completion.SetResult(Run(train, validation, cancellationToken, resumeFrom));
            }
            catch (Exception ex)
            {
                completion.SetResult(new TrainingResult(RunStatus.Failed, [], [], 0, OneLine(ex)));
            }
        })
        {
            IsBackground = true,
            Name = $"hw4-train-{_runId}",
        };
        thread.Start();
        return completion.Task;
    }

    /// <summary>
    /// Trains on the calling thread until every epoch is done, cancellation is requested, the loss diverges or an error
    /// occurs. With <paramref name="resumeFrom"/> (a <c>model_&lt;e&gt;.params</c> file) training continues at epoch e+1
    /// with the saved model, optimizer and history, and gives the same figures as an uninterrupted run.
    /// </summary>
    public TrainingResult Run(ImageSet train, ImageSet validation, CancellationToken cancellationToken = default, string? resumeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        Runtime.OneDnnSettings.EnsureConfigured();
        Runtime.MallocSettings.EnsureConfigured();
        var history = new List<EpochMetrics>();
        var written = new List<string>();
        long parameters = 0;
        try
        {
            var device = DeviceResolver.Resolve(_options.Device);
            torch.set_num_threads(_options.Threads ?? Environment.ProcessorCount);
            torch.manual_seed(_options.Seed);

            // Order matters: build, move to the device, then hand the (moved) parameters to the optimizer.
            using var model = _modelFactory();
            model.to(device);
            parameters = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
            using var optimizer = new Adam(model.parameters(), _options.LearningRate);

            var firstEpoch = 1;
            long globalStep = 0;
            if (resumeFrom is not null)
            {
                // Every file checked before anything is loaded, the generator state included (see CheckpointStore).
                var (store, epoch) = CheckpointStore.Locate(resumeFrom, _checkpoints.Limits);
                var state = store.ReadState(epoch);
                if (state.Seed != _options.Seed || state.BatchSize != _options.BatchSize)
                    throw new InvalidDataException($"{store.NameOf(store.StatePath(epoch))}: saved with seed {state.Seed} and batch {state.BatchSize}; this run uses seed {_options.Seed} and batch {_options.BatchSize}.");
                store.Restore(epoch, model, optimizer);
                history.AddRange(state.History);
                firstEpoch = state.Epoch + 1;
                globalStep = state.GlobalStep;
            }

            using var trainLoader = new BatchLoader(train, _options.BatchSize, device, _augmentation);
            using var validationLoader = new BatchLoader(validation, _options.EvalBatchSize, device);

            for (var epoch = firstEpoch; epoch <= _options.Epochs; epoch++)
            {
                var outcome = TrainEpoch(model, optimizer, trainLoader, epoch, globalStep, cancellationToken);
                globalStep = outcome.GlobalStep;
                if (outcome.Stop is { } stop)
                    return new TrainingResult(stop.Status, history, written, parameters, stop.Message);

                var (valLoss, valAccuracy) = Evaluate(model, validationLoader);
                var metrics = new EpochMetrics(epoch, outcome.MeanLoss, valLoss, valAccuracy, outcome.Seconds, outcome.ImagesPerSecond);

                // The checkpoint first, then the epoch event: an epoch that was announced is always one a resume can
                // start after, and a failed write (a full disk) ends the run with its own cause, not a later symptom.
                var checkpoint = new TrainingCheckpoint(
                    epoch, _options.Seed, globalStep, _options.Model.ToString().ToLowerInvariant(), _options.BatchSize,
                    _options.LearningRate, Convert.ToBase64String(TorchRngState.Capture()), [.. history, metrics]);
                var path = "";
                _writeGuard(() => path = _checkpoints.Save(model, optimizer, checkpoint));
                history.Add(metrics);
                written.Add(path);
                _sink(new CheckpointSaved(_runId, epoch, path));
                _sink(new EpochCompleted(_runId, epoch, metrics.TrainLoss, metrics.ValLoss, metrics.ValAccuracy, metrics.Seconds, metrics.ImagesPerSecond));
            }

            return new TrainingResult(RunStatus.Completed, history, written, parameters, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new TrainingResult(RunStatus.Failed, history, written, parameters, OneLine(ex));
        }
    }

    /// <summary>One pass over the training set: a dispose scope, a forward, a backward and an Adam step per batch.</summary>
    private EpochOutcome TrainEpoch(
        nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, BatchLoader loader, int epoch, long globalStep, CancellationToken cancellationToken)
    {
        model.train();
        using var order = loader.Order(SeedSequence.Shuffle(_options.Seed, epoch));
        using var augmentation = _augmentation is null ? null : new Generator((ulong)SeedSequence.Augmentation(_options.Seed, epoch));
        var batches = loader.BatchCount;
        var remainingEpochs = _options.Epochs - epoch;
        double lossSum = 0;
        double? lastFinite = null;
        long seen = 0;
        var clock = Stopwatch.StartNew();

        for (var b = 0; b < batches; b++)
        {
            if (cancellationToken.IsCancellationRequested)
                return EpochOutcome.Stopped(globalStep, RunStatus.Stopped, $"stopped in epoch {epoch} after {b} of {batches} batches");

            double loss;
            long count;
            using (NewDisposeScope())
            {
                var (images, labels) = loader.Batch(order, b, augmentation);
                count = labels.shape[0];
                optimizer.zero_grad();
                var output = model.forward(images);
                var lossTensor = nn.functional.cross_entropy(output, labels);
                loss = lossTensor.item<float>();
                if (!double.IsFinite(loss))
                {
                    var diverged = new Diverged(_runId, epoch, b + 1, lastFinite);
                    _sink(diverged);
                    return EpochOutcome.Stopped(globalStep, RunStatus.Diverged, diverged.Message);
                }

                lossTensor.backward();
                optimizer.step();
            }

            globalStep++;
            lastFinite = loss;
            lossSum += loss * count;
            seen += count;
            if ((b + 1) % _options.ProgressEveryBatches == 0 || b + 1 == batches)
            {
                var elapsed = clock.Elapsed.TotalSeconds;
                var secondsPerBatch = elapsed / (b + 1);
                var eta = secondsPerBatch * ((batches - b - 1) + (long)remainingEpochs * batches);
                _sink(new BatchProgress(_runId, epoch, b + 1, batches, globalStep, loss, lossSum / seen, seen / Math.Max(elapsed, 1e-9),
                    double.IsFinite(eta) ? eta : null, elapsed));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new EpochOutcome(globalStep, lossSum / seen, seconds, seen / Math.Max(seconds, 1e-9), null);
    }

    /// <summary>Mean cross-entropy and accuracy over a set, in eval mode and without gradients.</summary>
    private static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, BatchLoader loader)
    {
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var order = loader.Order(null);
            double lossSum = 0;
            long correct = 0;
            for (var b = 0; b < loader.BatchCount; b++)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = loader.Batch(order, b);
                var output = model.forward(images);
                lossSum += nn.functional.cross_entropy(output, labels, reduction: nn.Reduction.Sum).item<float>();
                correct += output.argmax(1).eq(labels).sum().item<long>();
            }

            return (lossSum / loader.Count, (double)correct / loader.Count);
        }
        finally
        {
            model.train();
        }
    }

    private static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim();

    private sealed record EpochStop(RunStatus Status, string Message);

    private sealed record EpochOutcome(long GlobalStep, double MeanLoss, double Seconds, double ImagesPerSecond, EpochStop? Stop)
    {
        public static EpochOutcome Stopped(long globalStep, RunStatus status, string message) =>
            new(globalStep, double.NaN, 0, 0, new EpochStop(status, message));
    }
}
