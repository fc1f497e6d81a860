using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Puts denoising runs on the device queue. A run's folder (run.json queued, with its request, and its input images)
/// exists before it is queued, so it can be found, opened and stopped from anywhere, and is queued again after a
/// restart like a training run.
/// </summary>
public sealed class DenoiseLauncher(
    RunQueue queue, RunEventNotifier notifier, DeviceContext device, IOptions<Hw4Options> options, TimeProvider time, HostIdentity host)
{
    /// <summary>The artifacts folder.</summary>
    public string ArtifactsDir => RunStorePaths.ArtifactsDir(options.Value);

    /// <summary>
    /// Creates and queues a run of <paramref name="config"/> on <paramref name="noisy"/>; its id, or null with the
    /// reason (a full queue, an invalid request). <paramref name="session"/>, when given, gets the previews and result.
    /// </summary>
    public (string? RunId, string? Error) Launch(DenoiseRunConfig config, RgbImage noisy, RgbImage? clean, DenoiseSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!queue.HasRoom)
            return (null, QueueFull);
        RunDirectory dir;
        try
        {
            dir = DenoiseRecipe.Queue(ArtifactsDir, config, noisy, clean, time, options.Value.RunFiles);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }

        if (!Enqueue(dir, session))
        {
            // Folder and queue place together or not at all.
            Directory.Delete(dir.Path, recursive: true);
            return (null, QueueFull);
        }

        session?.Track(dir.Id);
        return (dir.Id, null);
    }

    /// <summary>Queues a denoising run whose folder says queued (found at start); false when the queue is full.</summary>
    public bool Enqueue(RunDirectory dir, DenoiseSession? session = null) =>
        queue.TryEnqueue(new DenoiseJob(dir, device.Device, notifier, session, host.Name));

    private const string QueueFull = "The device queue is full; try again when a run has finished.";
}
