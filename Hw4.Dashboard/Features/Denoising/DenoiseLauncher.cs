using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Ml.Imaging;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Puts denoising runs on the scheduler, as training runs are: a run's folder (run.json queued, with its request, and
/// its input images) and its place in the queue exist together or not at all, so it can be found, opened and stopped
/// from anywhere, run by any host of a team, and is queued again after a restart.
/// </summary>
public sealed class DenoiseLauncher(IRunScheduler scheduler, DenoiseSessions sessions, IOptions<Hw4Options> options, TimeProvider time)
{
    /// <summary>The artifacts folder.</summary>
    public string ArtifactsDir => RunStorePaths.ArtifactsDir(options.Value);

    /// <summary>
    /// Creates and queues a run of <paramref name="config"/> on <paramref name="noisy"/>; its id, or null with the
    /// reason (a full queue, an invalid request). <paramref name="session"/>, when given, gets the previews and result
    /// if this host runs it.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store's queue cannot be reached (no folder is left).</exception>
    public (string? RunId, string? Error) Launch(DenoiseRunConfig config, RgbImage noisy, RgbImage? clean, DenoiseSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!scheduler.HasRoom)
            return (null, RunScheduling.QueueFull);
        RunDirectory dir;
        try
        {
            dir = DenoiseRecipe.Queue(ArtifactsDir, config, noisy, clean, time, options.Value.RunFiles);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }

        // Attached before it is queued: the local scheduler makes the job (which takes the tab) as it queues it.
        if (session is not null)
            sessions.Attach(dir.Id, session);
        (string? RunId, string? Error) queued = (null, null);
        try
        {
            queued = scheduler.Submit(dir);
        }
        finally
        {
            if (queued.RunId is null)
                sessions.Take(dir.Id);
        }

        if (queued.RunId is { } id)
            session?.Track(id);
        return queued;
    }
}
