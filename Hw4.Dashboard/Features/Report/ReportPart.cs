namespace Hw4.Dashboard.Features.Report;

/// <summary>A part of the homework report that comes from a run, so can be missing or be another run than the homework's.</summary>
public enum ReportPart
{
    /// <summary>1.2, L1 by gradient descent with autograd at its best stable point of the gd sweep (the homework's method).</summary>
    GdL1,

    /// <summary>1.2, L2 by gradient descent at its best stable point.</summary>
    GdL2,

    /// <summary>1.2, L1 at the seed's setting (gd, lr 0.9, α 1.5).</summary>
    SeedL1,

    /// <summary>1.2, L2 at the seed's setting (it diverges).</summary>
    SeedL2,

    /// <summary>1.2, L1 by the primal-dual solver of the same loss.</summary>
    PrimalDualL1,

    /// <summary>1.2, L2 by the primal-dual solver.</summary>
    PrimalDualL2,

    /// <summary>2, the CNN.</summary>
    Cnn,

    /// <summary>2, the residual CNN.</summary>
    Residual,
}
