using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>A finished denoising run as the page shows it: numbers and the output as PNG.</summary>
public sealed record DenoiseOutcome(
    string RunId, DenoiseOptions Options, double? PsnrInput, double? PsnrOutput, double FinalLoss, double Seconds, byte[] Png)
{
    /// <summary>The PNG as a data URL for &lt;img&gt; and the download link.</summary>
    public string DataUrl { get; } = "data:image/png;base64," + Convert.ToBase64String(Png);
}
