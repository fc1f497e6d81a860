using Hw4.Dashboard.Features.Denoising;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// At start, before the index is built and before anything new is queued: a run left "running" by a process that is
/// gone becomes interrupted (its completed epochs are kept, and it can be resumed), and every run left "queued" is
/// queued again in its old order (a denoising run too: its folder holds its input images). A folder that cannot be
/// read is left for the index to show as unreadable.
/// </summary>
public sealed class RunRecovery(TrainingLauncher launcher, DenoiseLauncher denoiser, TimeProvider time, ILogger<RunRecovery> logger)
    : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var queued = new List<(RunDirectory Dir, RunRecord Record)>();
        foreach (var path in RunDirectory.Enumerate(launcher.ArtifactsDir))
        {
            try
            {
                var dir = RunDirectory.Open(path, launcher.Limits);
                var record = dir.ReadRun();
                if (record.Status == RunStatus.Running && record.Owner?.IsAlive() != true)
                    Interrupt(dir, record);
                else if (record.Status == RunStatus.Queued)
                    queued.Add((dir, record));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or RunStatusChangeException)
            {
                logger.LogWarning("Run folder {Folder} was not recovered: {Reason}", path, e.Message);
            }
        }

        foreach (var (dir, record) in queued.OrderBy(q => q.Record.QueuedUtc).ThenBy(q => q.Record.CreatedUtc).ThenBy(q => q.Dir.Id, StringComparer.Ordinal))
        {
            var queuedAgain = record.Kind == RunKinds.Denoise ? denoiser.Enqueue(dir) : launcher.Enqueue(dir);
            if (!queuedAgain)
                logger.LogWarning("Run {RunId} stays queued on disk: the queue is full", dir.Id);
        }

        if (queued.Count > 0)
            logger.LogInformation("Queued {Count} run(s) again that were waiting when the server stopped", queued.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Interrupt(RunDirectory dir, RunRecord record)
    {
        var message = record.Kind == RunKinds.Denoise ? DenoiseInterruptMessage(dir) : TrainInterruptMessage(dir);
        dir.Transition(RunStatus.Interrupted, r => r with { Message = message, FinishedUtc = time.GetUtcNow(), Owner = null });
        logger.LogWarning("Run {RunId}: {Message}", dir.Id, message);
    }

    // Its curves up to the last report are kept; a denoising run is short, so it is started again rather than resumed.
    private static string DenoiseInterruptMessage(RunDirectory dir)
    {
        var last = RunDirectoryReader.Read(dir.Path, dir.Limits).LastDenoiseStep;
        return last is null
            ? "interrupted: its process ended before the first report"
            : $"interrupted: its process ended after step {last.Step}/{last.TotalSteps} (the curves up to there are kept; no image)";
    }

    private static string TrainInterruptMessage(RunDirectory dir) => TrainInterruptMessage(dir, "its process ended");

    /// <summary>
    /// Why a training run is interrupted, for its run.json: "interrupted: <paramref name="cause"/> during epoch N (epochs
    /// 1–M are kept); resume it to continue".
    /// </summary>
    public static string TrainInterruptMessage(RunDirectory dir, string cause)
    {
        var epochs = RunDirectoryReader.Read(dir.Path, dir.Limits).Epochs;
        var kept = epochs.Count == 0 ? "no epoch was completed" : $"epochs 1–{epochs[^1].Epoch} are kept";
        return $"interrupted: {cause} during epoch {(epochs.Count == 0 ? 1 : epochs[^1].Epoch + 1)} ({kept}); resume it to continue";
    }
}
