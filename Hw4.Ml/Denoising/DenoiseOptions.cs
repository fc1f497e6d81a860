namespace Hw4.Ml.Denoising;

/// <summary>Settings of one TV-denoising run.</summary>
/// <param name="Norm">Norm of the data and smoothness terms.</param>
/// <param name="Optimizer">Update rule.</param>
/// <param name="Lr">Learning rate (step size); for <see cref="DenoiseOptimizer.PrimalDual"/> the primal step τ.</param>
/// <param name="Alpha">Weight α of the smoothness terms.</param>
/// <param name="Steps">Optimisation steps.</param>
/// <param name="ReportEvery">Progress is reported every this many steps (and after the last one).</param>
/// <param name="PreviewMaxSide">Largest side of the preview image sent with progress.</param>
public sealed record DenoiseOptions(
    DenoiseNorm Norm,
    DenoiseOptimizer Optimizer,
    double Lr,
    double Alpha,
    int Steps,
    int ReportEvery = 10,
    int PreviewMaxSide = 256)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Norm))
            throw new ArgumentException($"Unknown norm {(int)Norm}.", nameof(Norm));
        if (!Enum.IsDefined(Optimizer))
            throw new ArgumentException($"Unknown optimizer {(int)Optimizer}.", nameof(Optimizer));
        if (!(Lr > 0) || !double.IsFinite(Lr))
            throw new ArgumentException($"Learning rate must be a positive number (got {Lr}).", nameof(Lr));
        if (!(Alpha >= 0) || !double.IsFinite(Alpha))
            throw new ArgumentException($"Alpha must be zero or positive (got {Alpha}).", nameof(Alpha));
        if (Steps < 0)
            throw new ArgumentException($"Steps must be zero or more (got {Steps}).", nameof(Steps));
        if (ReportEvery < 1)
            throw new ArgumentException($"ReportEvery must be at least 1 (got {ReportEvery}).", nameof(ReportEvery));
        if (PreviewMaxSide < 1)
            throw new ArgumentException($"PreviewMaxSide must be at least 1 (got {PreviewMaxSide}).", nameof(PreviewMaxSide));
    }
}
