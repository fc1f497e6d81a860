namespace Hw4.Ml.Denoising;

/// <summary>The norm N used for every term of the TV loss.</summary>
public enum DenoiseNorm
{
    /// <summary>N(t) = Σ|t| (anisotropic total variation).</summary>
    L1,

    /// <summary>N(t) = Σt², the squared L2 norm (Tikhonov smoothing).</summary>
    L2,
}
