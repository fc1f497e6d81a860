namespace Hw4.Ml.Autograd;

/// <summary>One point of the error-versus-terms curve.</summary>
/// <param name="Terms">Series terms.</param>
/// <param name="MaxAbsError">max |dz/dx − cos x| over the sampled points.</param>
public sealed record TaylorTermError(int Terms, double MaxAbsError);
