namespace Hw4.Ml.Denoising;

/// <summary>How a denoising run ended.</summary>
public enum DenoiseStatus
{
    /// <summary>Every step ran with a finite loss.</summary>
    Completed,

    /// <summary>The loss became NaN or infinite; the run stopped at that step and has no output image.</summary>
    Diverged,
}
