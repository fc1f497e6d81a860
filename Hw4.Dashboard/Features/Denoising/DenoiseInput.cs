using System.Globalization;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// The Denoise page's chosen images as decoded, and what a large one becomes before a run: above
/// <see cref="LargeImagePixels"/> it is centre-cropped or downscaled to that many pixels (or kept as it is, when the
/// user says so). The clean reference gets the same treatment, so the two stay the same size. Not thread-safe: the
/// page changes it on its circuit and hands <see cref="Fitted"/> to a worker.
/// </summary>
public sealed class DenoiseInput(long largeImagePixels)
{
    /// <summary>Above this many pixels a fit is offered (and a downscale chosen by default).</summary>
    public long LargeImagePixels { get; } = largeImagePixels;

    /// <summary>The noisy image as decoded.</summary>
    public RgbImage? Noisy { get; private set; }

    /// <summary>The clean reference as decoded, or null.</summary>
    public RgbImage? Clean { get; private set; }

    /// <summary>Where the noisy image came from.</summary>
    public string? SourceName { get; private set; }

    /// <summary>What to do when the image is large.</summary>
    public ImageFitChoice Fit { get; set; } = ImageFitChoice.Downscale;

    /// <summary>True when the noisy image is above <see cref="LargeImagePixels"/>.</summary>
    public bool IsLarge => Noisy is { } n && (long)n.Width * n.Height > LargeImagePixels;

    /// <summary>"W×H (N px)" of the image as chosen, or null.</summary>
    public string? SizeText => Noisy is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n.Width}×{n.Height} ({(long)n.Width * n.Height:N0} px)") : null;

    /// <summary>The size a crop or downscale gives (same for both).</summary>
    public (int Width, int Height)? FittedSize => Noisy is { } n && IsLarge ? ImageFit.FittedSize(n.Width, n.Height, LargeImagePixels) : null;

    /// <summary>Sets a new noisy image (its clean reference is dropped); a large one defaults to a downscale.</summary>
    public void SetNoisy(RgbImage noisy, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        (Noisy, Clean, SourceName) = (noisy, null, sourceName);
        Fit = ImageFitChoice.Downscale;
    }

    /// <summary>Sets the clean reference; throws <see cref="ArgumentException"/> naming both sizes when it does not match the noisy image.</summary>
    public void SetClean(RgbImage clean)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var noisy = Noisy ?? throw new InvalidOperationException("Choose the noisy image first, then its clean reference.");
        if (clean.Width != noisy.Width || clean.Height != noisy.Height)
            throw new ArgumentException(
                $"The clean reference is {clean.Width}×{clean.Height} but the noisy image is {noisy.Width}×{noisy.Height}; they must match.");
        Clean = clean;
    }

    /// <summary>How the images are changed before a run, for run.json; null when they are used as they are.</summary>
    public string? FitDescription => Noisy is { } n && IsLarge && Fit != ImageFitChoice.AsIs
        ? string.Create(CultureInfo.InvariantCulture, $"{(Fit == ImageFitChoice.CentreCrop ? "centre crop" : "downscale")} of {n.Width}×{n.Height}")
        : null;

    /// <summary>The images a run gets (cropped or downscaled when large and so chosen). Blocking work: call it off the circuit.</summary>
    public (RgbImage Noisy, RgbImage? Clean) Fitted()
    {
        var noisy = Noisy ?? throw new InvalidOperationException("Choose a noisy image first.");
        if (!IsLarge || Fit == ImageFitChoice.AsIs)
            return (noisy, Clean);
        Func<RgbImage, RgbImage> fit = Fit == ImageFitChoice.CentreCrop
            ? i => ImageFit.CentreCrop(i, LargeImagePixels)
            : i => ImageFit.Downscale(i, LargeImagePixels);
        return (fit(noisy), Clean is { } c ? fit(c) : null);
    }
}
