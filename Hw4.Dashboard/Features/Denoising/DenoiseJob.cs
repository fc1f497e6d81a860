using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using TorchSharp;
using MlProgress = Hw4.Ml.Denoising.DenoiseProgress;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// One denoising run on the device queue: hands its folder to <see cref="DenoiseRecipe"/>, which moves the run's
/// status, records its curves and image and raises its events; they go to the notifier as they are. The tab that
/// started it, when still open, gets the previews and the result through its <see cref="DenoiseSession"/>; the run
/// does not depend on it.
/// </summary>
/// <param name="hostName">This host's name (<see cref="Configuration.HostIdentity"/>), recorded in run.json when the run starts.</param>
/// <param name="attempt">The attempt a scheduler granted (the store's claim), or null: the run's next.</param>
public sealed class DenoiseJob(RunDirectory dir, torch.Device device, RunEventNotifier notifier, DenoiseSession? session, string hostName, long? attempt = null)
    : StoredRunJob(dir, notifier)
{
    private readonly DenoiseRunConfig? _config = ReadConfig(dir);
    private readonly RunDirectory _dir = dir;
    private readonly RunEventNotifier _notifier = notifier;

    /// <inheritdoc />
    public override string Kind => RunKinds.Denoise;

    /// <inheritdoc />
    public override string Description => Describe(_dir);

    /// <inheritdoc />
    public override Task RunAsync(CancellationToken cancellationToken)
    {
        var norm = _config?.Options.Norm;
        if (session is not null && norm is { } n)
            session.OnStarted(n);
        var observer = session is not null && norm is { } m ? new SessionObserver(session, m) : null;
        var outcome = DenoiseRecipe.Run(_dir, device, _notifier.Publish, observer, cancellationToken, hostName, attempt);
        // Completed or diverged: the tab shows it next to the other norm's (L1 vs L2).
        if (outcome.Result is { } result)
            session?.OnResult(_dir.Id, result);
        return Task.CompletedTask;
    }

    private static DenoiseRunConfig? ReadConfig(RunDirectory dir)
    {
        try
        {
            return dir.ReadRun().DenoiseConfig();
        }
        catch (InvalidDataException)
        {
            // The recipe reads it again and ends the run failed with this reason.
            return null;
        }
    }

    // A direct IProgress: reports stay cheap and in order on the denoiser's thread.
    private sealed class SessionObserver(DenoiseSession session, Hw4.Ml.Denoising.DenoiseNorm norm) : IProgress<MlProgress>
    {
        public void Report(MlProgress value) => session.OnProgress(norm, value, last: value.Step >= value.Steps);
    }
}
