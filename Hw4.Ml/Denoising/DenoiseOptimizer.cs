namespace Hw4.Ml.Denoising;

/// <summary>How J is updated from the loss gradient.</summary>
public enum DenoiseOptimizer
{
    /// <summary>Plain gradient descent J ← J − lr·∇loss (the homework's method).</summary>
    Gd,

    /// <summary>Adam (torch.optim.Adam) on J.</summary>
    Adam,
}
