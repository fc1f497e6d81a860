using System.CommandLine;
using Hw4.Ml.Autograd;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>taylor</c>: sin as a Taylor series, differentiated by autograd and compared with cos.</summary>
public sealed class TaylorVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "taylor";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var x = new Option<double>("--x")
        {
            Description = "Scalar point for y and dy/dx.",
            DefaultValueFactory = _ => Math.PI / 4,
        };
        var terms = new Option<int>("--terms")
        {
            Description = $"Series terms (default {TaylorSine.DefaultTerms}: max |dz/dx - cos x| <= 1e-5 on [-pi, pi] in float32).",
            DefaultValueFactory = _ => TaylorSine.DefaultTerms,
        };
        var points = new Option<int>("--points")
        {
            Description = "Points drawn uniformly from [-pi, pi] for z = sum(y).",
            DefaultValueFactory = _ => 100,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of the generator that draws the points.",
            DefaultValueFactory = _ => 0,
        };
        var common = new CommonOptions();

        var command = new Command(Name, "Autograd Taylor sine: y, dy/dx at --x and the max error of dz/dx against cos over --points.")
        {
            x, terms, points, seed,
        };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = new TaylorOptions(parse.GetValue(x), parse.GetValue(terms), parse.GetValue(points), parse.GetValue(seed));
            if (options.Terms < 1)
                throw new CliInputException($"--terms must be at least 1 (got {options.Terms}).");
            if (options.Points < 1)
                throw new CliInputException($"--points must be at least 1 (got {options.Points}).");
            if (!double.IsFinite(options.X))
                throw new CliInputException("--x must be a finite number.");

            var device = common.ResolveDevice(parse);
            context.Progress($"taylor: terms={options.Terms} points={options.Points} device={device}");
            var result = TaylorExperiment.Run(options, device);
            context.WriteResult(
                new TaylorOutput(result.X, result.Terms, result.Y, result.Grad, result.ExactGrad, result.GradAbsError,
                    result.Points, result.MaxAbsErrorOverPoints),
                common.IsJson(parse));
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record TaylorOutput(
        double X,
        int Terms,
        double Y,
        double Grad,
        double ExactGrad,
        double GradAbsError,
        int Points,
        double MaxAbsErrorOverPoints);
}
