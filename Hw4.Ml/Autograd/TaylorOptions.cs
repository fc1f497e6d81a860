namespace Hw4.Ml.Autograd;

/// <summary>Inputs of the Taylor-sine experiment.</summary>
/// <param name="X">The scalar point where y and dy/dx are reported (default π/4).</param>
/// <param name="Terms">Series terms.</param>
/// <param name="Points">How many points are drawn uniformly from [−π, π] for the z = Σ y check.</param>
/// <param name="Seed">Seed of the one generator that draws the points.</param>
public sealed record TaylorOptions(
    double X = Math.PI / 4,
    int Terms = TaylorSine.DefaultTerms,
    int Points = 100,
    long Seed = 0);
