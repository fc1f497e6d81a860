using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// A finished denoising run as the page shows it: numbers and, unless it diverged, the output as PNG. A diverged run
/// keeps its last finite loss and PSNR and the step it diverged at, and has no image.
/// </summary>
public sealed record DenoiseOutcome(
    string RunId,
    DenoiseOptions Options,
    DenoiseStatus Status,
    double? PsnrInput,
    double? PsnrOutput,
    double FinalLoss,
    double Seconds,
    byte[]? Png,
    int? DivergedAtStep = null)
{
    /// <summary>True when the run stopped at a non-finite loss.</summary>
    public bool Diverged => Status == DenoiseStatus.Diverged;

    /// <summary>The PNG as a data URL for &lt;img&gt; and the download link; null when diverged.</summary>
    public string? DataUrl { get; } = Png is null ? null : "data:image/png;base64," + Convert.ToBase64String(Png);
}
