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
/// <param name="hostName">This host's name (<see cref="Queue.Store.HostIdentity"/>), recorded in run.json when the run starts.</param>
public sealed class DenoiseJob(RunDirectory dir, torch.Device device, RunEventNotifier notifier, TimeProvider time, DenoiseSession? session, string hostName)
    : IRunJob
{
    private readonly DenoiseRunConfig? _config = ReadConfig(dir);

    /// <inheritdoc />
    public string RunId => dir.Id;

    /// <inheritdoc />
    public string Kind => RunKinds.Denoise;

    /// <inheritdoc />
    public string Description => _config is { Options: var o }
        ? $"denoise {o.Norm} {o.Optimizer} lr={o.Lr} α={o.Alpha} × {o.Steps}"
        : dir.Id;

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var norm = _config?.Options.Norm;
        if (session is not null && norm is { } n)
            session.OnStarted(dir.Id, n);
        var observer = session is not null && norm is { } m ? new SessionObserver(session, m) : null;
        var outcome = DenoiseRecipe.Run(dir, device, notifier.Publish, observer, cancellationToken, hostName);
        // Completed or diverged: the tab shows it next to the other norm's (L1 vs L2).
        if (outcome.Result is { } result)
            session?.OnResult(dir.Id, result);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void End(RunStatus status, string? message)
    {
        try
        {
            dir.Transition(status, r => r with { Message = message, FinishedUtc = time.GetUtcNow(), Owner = null });
        }
        catch (RunStatusChangeException)
        {
            // It had ended already (the recipe wrote its own end): nothing to correct.
            return;
        }

        notifier.Publish(new RunEnded(dir.Id, status, message, 0));
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
