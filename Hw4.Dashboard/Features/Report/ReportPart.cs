namespace Hw4.Dashboard.Features.Report;

/// <summary>A part of the homework report that comes from a run, so can be missing.</summary>
public enum ReportPart
{
    /// <summary>The L1 denoising run (1.2).</summary>
    DenoiseL1,

    /// <summary>The L2 denoising run (1.2).</summary>
    DenoiseL2,

    /// <summary>The CNN training run (2).</summary>
    Cnn,

    /// <summary>The residual training run (2).</summary>
    Residual,
}
