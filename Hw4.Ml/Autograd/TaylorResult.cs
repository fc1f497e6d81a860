namespace Hw4.Ml.Autograd;

/// <summary>Outcome of the Taylor-sine experiment: the scalar check and the check over many points, as plain numbers.</summary>
/// <param name="X">The scalar point.</param>
/// <param name="Terms">Series terms used.</param>
/// <param name="Y">sin_taylor(x).</param>
/// <param name="Grad">dy/dx from backward().</param>
/// <param name="ExactGrad">cos(x).</param>
/// <param name="GradAbsError">|grad − cos x|.</param>
/// <param name="Points">Number of points in [−π, π].</param>
/// <param name="MaxAbsErrorOverPoints">max |dz/dx − cos x| over the points, z = Σ sin_taylor(x).</param>
/// <param name="PointXs">The points, sorted ascending, for plotting.</param>
/// <param name="PointGrads">dz/dx at each of <paramref name="PointXs"/>.</param>
public sealed record TaylorResult(
    double X,
    int Terms,
    double Y,
    double Grad,
    double ExactGrad,
    double GradAbsError,
    int Points,
    double MaxAbsErrorOverPoints,
    IReadOnlyList<double> PointXs,
    IReadOnlyList<double> PointGrads);
