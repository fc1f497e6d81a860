using Hw4.Dashboard.Features.Queue;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// One browser tab's denoising work: the input images, the latest preview of the running job and the finished
/// outcomes (one per norm, so L1 and L2 can be shown side by side). Jobs write to it from the queue's thread; the page
/// re-renders on <see cref="Changed"/>. Previews are encoded at most every <see cref="PreviewInterval"/>.
/// </summary>
public sealed class DenoiseSession(TimeProvider time)
{
    /// <summary>Least time between two preview encodings.</summary>
    public static readonly TimeSpan PreviewInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly Dictionary<DenoiseNorm, DenoiseOutcome> _outcomes = [];
    private TimeSpan? _lastPreview;

    /// <summary>Raised on any thread when something visible changed.</summary>
    public event Action? Changed;

    /// <summary>The noisy input.</summary>
    public RgbImage? Noisy { get; private set; }

    /// <summary>The clean reference, if any.</summary>
    public RgbImage? Clean { get; private set; }

    /// <summary>Where the input came from, for display.</summary>
    public string? SourceName { get; private set; }

    /// <summary>The noisy input as a PNG data URL.</summary>
    public string? NoisyDataUrl { get; private set; }

    /// <summary>The latest preview as a PNG data URL.</summary>
    public string? PreviewDataUrl { get; private set; }

    /// <summary>Step of the latest preview.</summary>
    public int PreviewStep { get; private set; }

    /// <summary>The run ids this session started, newest last.</summary>
    public IReadOnlyList<string> RunIds => _runIds;

    private readonly List<string> _runIds = [];

    /// <summary>The finished outcomes by norm.</summary>
    public IReadOnlyDictionary<DenoiseNorm, DenoiseOutcome> Outcomes
    {
        get
        {
            lock (_gate)
                return new Dictionary<DenoiseNorm, DenoiseOutcome>(_outcomes);
        }
    }

    /// <summary>Sets the input images (a new input clears earlier outcomes).</summary>
    public void SetInput(RgbImage noisy, RgbImage? clean, string sourceName)
    {
        if (clean is not null && (clean.Width != noisy.Width || clean.Height != noisy.Height))
            throw new ArgumentException(
                $"The clean reference is {clean.Width}×{clean.Height} but the noisy image is {noisy.Width}×{noisy.Height}; they must match.");
        lock (_gate)
        {
            Noisy = noisy;
            Clean = clean;
            SourceName = sourceName;
            NoisyDataUrl = "data:image/png;base64," + Convert.ToBase64String(ImageFile.EncodePng(noisy));
            PreviewDataUrl = null;
            _outcomes.Clear();
        }

        Changed?.Invoke();
    }

    /// <summary>Creates a queue job for the current input with <paramref name="options"/>.</summary>
    public IRunJob CreateJob(string runId, DenoiseOptions options, DenoiseJobContext context)
    {
        var noisy = Noisy ?? throw new InvalidOperationException("Choose a noisy image first.");
        options.Validate();
        lock (_gate)
            _runIds.Add(runId);
        return new DenoiseJob(runId, noisy, Clean, options, context, this);
    }

    /// <summary>Takes a progress report; encodes its preview unless one was encoded very recently.</summary>
    internal void OnProgress(Hw4.Ml.Denoising.DenoiseProgress progress, bool last)
    {
        // A non-finite estimate renders as a black image; keep showing the last good preview instead.
        if (!double.IsFinite(progress.Loss))
            return;
        var now = time.GetElapsedTime(0);
        lock (_gate)
        {
            if (!last && _lastPreview is { } previous && now - previous < PreviewInterval)
                return;
            _lastPreview = now;
        }

        var url = "data:image/png;base64," + Convert.ToBase64String(ImageFile.EncodePng(progress.Preview));
        lock (_gate)
        {
            PreviewDataUrl = url;
            PreviewStep = progress.Step;
        }

        Changed?.Invoke();
    }

    /// <summary>Records a finished run.</summary>
    internal void OnResult(string runId, DenoiseResult result)
    {
        var outcome = new DenoiseOutcome(runId, result.Options, result.PsnrInput, result.PsnrOutput, result.FinalLoss, result.Seconds,
            ImageFile.EncodePng(result.Output));
        lock (_gate)
            _outcomes[result.Options.Norm] = outcome;
        Changed?.Invoke();
    }
}
