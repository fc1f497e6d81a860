using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Autograd;

/// <summary>The homework's autograd checks of <see cref="TaylorSine"/> against cos, in float32 on any device.</summary>
public static class TaylorExperiment
{
    /// <summary>Runs the scalar check at <see cref="TaylorOptions.X"/> and the check over the sampled points.</summary>
    public static TaylorResult Run(TaylorOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Terms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Points, 1);

        using var scope = NewDisposeScope();
        var x = tensor((float)options.X, dtype: ScalarType.Float32, device: device).requires_grad_();
        var y = TaylorSine.Evaluate(x, options.Terms);
        y.backward();
        var yValue = y.cpu().item<float>();
        var grad = x.grad!.cpu().item<float>();
        var exact = Math.Cos(options.X);

        var (xs, grads, maxError) = PointCheck(options.Terms, options.Points, options.Seed, device);
        return new TaylorResult(options.X, options.Terms, yValue, grad, exact, Math.Abs(grad - exact),
            options.Points, maxError, xs, grads);
    }

    /// <summary>max |dz/dx − cos x| for each number of terms 1..<paramref name="maxTerms"/>, on the same seeded points.</summary>
    public static IReadOnlyList<TaylorTermError> ErrorByTerms(int maxTerms, int points, long seed, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTerms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        return Enumerable.Range(1, maxTerms)
            .Select(terms => new TaylorTermError(terms, PointCheck(terms, points, seed, device).MaxError))
            .ToList();
    }

    /// <summary>
    /// <see cref="TaylorSine"/> with <paramref name="terms"/> terms on <paramref name="points"/> evenly spaced x over
    /// [−π, π] (ends included): the function the student wrote, to draw beside sin x.
    /// </summary>
    public static (double[] X, double[] Y) Curve(int terms, int points, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(terms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = linspace(-Math.PI, Math.PI, points, dtype: ScalarType.Float32, device: device);
        var y = TaylorSine.Evaluate(x, terms);
        return (x.cpu().data<float>().Select(v => (double)v).ToArray(), y.cpu().data<float>().Select(v => (double)v).ToArray());
    }

    private static (double[] Xs, double[] Grads, double MaxError) PointCheck(int terms, int points, long seed, Device device)
    {
        using var scope = NewDisposeScope();
        // Draw on the CPU with one seeded generator so the points are the same on every device.
        using var generator = new Generator((ulong)seed);
        var uniform = rand(points, generator: generator, dtype: ScalarType.Float32);
        var x = uniform.Times(2 * Math.PI).PlusValue(-Math.PI).to(device).requires_grad_();
        var z = TaylorSine.Evaluate(x, terms).sum();
        z.backward();

        var xs = x.detach().cpu().data<float>().ToArray();
        var grads = x.grad!.cpu().data<float>().ToArray();
        var order = Enumerable.Range(0, points).OrderBy(i => xs[i]).ToArray();
        var sortedXs = order.Select(i => (double)xs[i]).ToArray();
        var sortedGrads = order.Select(i => (double)grads[i]).ToArray();
        var maxError = sortedXs.Zip(sortedGrads, (xi, gi) => Math.Abs(gi - Math.Cos(xi))).Max();
        return (sortedXs, sortedGrads, maxError);
    }
}
