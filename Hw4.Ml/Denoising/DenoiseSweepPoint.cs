namespace Hw4.Ml.Denoising;

/// <summary>One cell of a sweep: plain numbers, never tensors.</summary>
/// <param name="Norm">Norm of the loss.</param>
/// <param name="Alpha">Weight α of the smoothness terms.</param>
/// <param name="Lr">Learning rate (the primal step τ for primal-dual).</param>
/// <param name="Psnr">PSNR (dB) of the output, clamped and rounded; when diverged, that of the last finite estimate.</param>
/// <param name="FinalLoss">Loss of the final estimate; when diverged, the last finite loss.</param>
/// <param name="Diverged">Whether the loss became non-finite.</param>
/// <param name="Seconds">Loop seconds of this cell; in a batched sweep, the batch's time divided by its cells.</param>
/// <param name="DivergedAtStep">The step whose loss was not finite; null when the cell completed.</param>
public sealed record DenoiseSweepPoint(
    DenoiseNorm Norm,
    double Alpha,
    double Lr,
    double? Psnr,
    double FinalLoss,
    bool Diverged,
    double Seconds,
    int? DivergedAtStep = null);
