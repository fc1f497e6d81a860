using Hw4.Dashboard.Features.Charts;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// One browser tab's denoising work: the input images, the latest preview of the running job, the finished outcomes
/// and the loss and PSNR curves, one per norm, so that L1 and L2 stay side by side: a run replaces only its own norm's
/// outcome and curve. Jobs write to it from the queue's thread; the page re-renders on <see cref="Changed"/>. Previews
/// are encoded at most every <see cref="PreviewInterval"/>.
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

    /// <summary>The norm of the run the latest preview comes from (null while the input is shown).</summary>
    public DenoiseNorm? PreviewNorm { get; private set; }

    /// <summary>True when the latest preview is its run's last step (the result).</summary>
    public bool PreviewIsFinal { get; private set; }

    /// <summary>The run ids this session started, newest last (a snapshot).</summary>
    public IReadOnlyList<string> RunIds
    {
        get
        {
            lock (_gate)
                return [.. _runIds];
        }
    }

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

    /// <summary>
    /// Loss per step, one trace per norm (trace index = <see cref="Trace"/>), L2 against the right-hand axis: its
    /// squared differences make it tens of times L1's (7e8 against 3e7 on the parrots), a flat line on a shared axis.
    /// </summary>
    public LiveChartModel LossCurves { get; } = new([new ChartSeries("L1", "#3f51b5"), new ChartSeries("L2", "#e65100", SecondAxis: true)]);

    /// <summary>PSNR per step, one trace per norm.</summary>
    public LiveChartModel PsnrCurves { get; } = new([new ChartSeries("L1", "#3f51b5"), new ChartSeries("L2", "#e65100")]);

    /// <summary>The answer to "is L2 better or worse than L1?" once both have an outcome, else null.</summary>
    public string? Comparison => NormComparison.Describe(Outcomes);

    /// <summary>The curve trace of <paramref name="norm"/>.</summary>
    public static int Trace(DenoiseNorm norm) => norm == DenoiseNorm.L2 ? 1 : 0;

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
            (PreviewDataUrl, PreviewNorm, PreviewIsFinal) = (null, null, false);
            _outcomes.Clear();
        }

        LossCurves.Clear();
        PsnrCurves.Clear();

        Changed?.Invoke();
    }

    /// <summary>Remembers a run this tab started (its folder exists; the job reports here while the tab is open).</summary>
    public void Track(string runId)
    {
        lock (_gate)
            _runIds.Add(runId);
        Changed?.Invoke();
    }

    /// <summary>
    /// A run of <paramref name="norm"/> starts: it replaces that norm's curve and outcome, and no other; the preview goes
    /// back to the input until its first report, so no picture of the run before is shown as this one's.
    /// </summary>
    internal void OnStarted(DenoiseNorm norm)
    {
        LossCurves.Replace(Trace(norm), [], []);
        PsnrCurves.Replace(Trace(norm), [], []);
        lock (_gate)
        {
            _outcomes.Remove(norm);
            (PreviewDataUrl, PreviewNorm, PreviewIsFinal, _lastPreview) = (null, null, false, null);
        }

        Changed?.Invoke();
    }

    /// <summary>Takes a progress report: extends the norm's curves, encodes its preview unless one was encoded very recently.</summary>
    internal void OnProgress(DenoiseNorm norm, Hw4.Ml.Denoising.DenoiseProgress progress, bool last)
    {
        // A non-finite estimate renders as a black image; keep showing the last good preview instead.
        if (!double.IsFinite(progress.Loss))
            return;
        LossCurves.Add(Trace(norm), progress.Step, progress.Loss);
        if (progress.Psnr is { } psnr && double.IsFinite(psnr))
            PsnrCurves.Add(Trace(norm), progress.Step, psnr);
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
            (PreviewNorm, PreviewIsFinal) = (norm, last);
        }

        Changed?.Invoke();
    }

    /// <summary>Records a finished run.</summary>
    internal void OnResult(string runId, DenoiseResult result)
    {
        var outcome = new DenoiseOutcome(runId, result.Options, result.Status, result.PsnrInput, result.PsnrOutput, result.FinalLoss,
            result.Seconds, result.Output is null ? null : ImageFile.EncodePng(result.Output), result.DivergedAtStep);
        lock (_gate)
            _outcomes[result.Options.Norm] = outcome;
        Changed?.Invoke();
    }
}
