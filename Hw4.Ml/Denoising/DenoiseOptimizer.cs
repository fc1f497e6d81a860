namespace Hw4.Ml.Denoising;

/// <summary>How J is updated. Every rule minimises the same <see cref="TvLoss"/>; they differ in speed and stability.</summary>
public enum DenoiseOptimizer
{
    /// <summary>Plain gradient descent J ← J − lr·∇loss by autograd (the homework's method).</summary>
    Gd,

    /// <summary>Adam (torch.optim.Adam) on J.</summary>
    Adam,

    /// <summary>
    /// Chambolle–Pock primal-dual (first-order, θ = 1) on the same loss written as G(J) + F(∇J), with G = N(I − J) and
    /// F = α·N: closed-form proximal steps, no autograd, no allocation per step. <c>Lr</c> is the primal step τ; the
    /// dual step is σ = 1/(8τ), so τσ‖∇‖² ≤ 1 and the iteration is stable for every τ &gt; 0 and both norms.
    /// </summary>
    PrimalDual,
}
