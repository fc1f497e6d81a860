using Hw4.Ml.Denoising;

namespace Hw4.Ml.Runs;

/// <summary>
/// The request of a denoising run (kind <c>denoise</c>), as run.json keeps it in <see cref="RunRecord.Denoise"/>: the
/// settings the denoiser ran with and where its input came from. The input images themselves are in the run folder
/// (input.png, clean.png), so the run can be started again after a restart.
/// </summary>
public sealed record DenoiseRunConfig
{
    /// <summary>Norm, optimizer, lr (τ for primal-dual), α and steps: exactly what the denoiser is given.</summary>
    public required DenoiseOptions Options { get; init; }

    /// <summary>The preset the settings came from (<c>seed</c>, <c>best</c>), or null when edited by hand.</summary>
    public string? Preset { get; init; }

    /// <summary>Where the noisy image came from (a file name; never its content).</summary>
    public required string Source { get; init; }

    /// <summary>Width in pixels of the image denoised (after any crop or downscale).</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels of the image denoised.</summary>
    public int Height { get; init; }

    /// <summary>True when a clean reference came with it (then PSNR is measured).</summary>
    public bool HasClean { get; init; }

    /// <summary>How a large upload was made smaller before the run (e.g. "centre crop of 4000×3000"), or null.</summary>
    public string? Fit { get; init; }
}
