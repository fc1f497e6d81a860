using System.CommandLine;
using Hw4.Ml.Autograd;

namespace Hw4.Dashboard.Arguments;

/// <summary>The options of <c>taylor</c>, <see cref="Read"/> and <see cref="Format"/> side by side.</summary>
public sealed class TaylorArguments
{
    private static readonly TaylorOptions Defaults = new();

    /// <summary>The verb's name.</summary>
    public const string Verb = "taylor";

    /// <summary><c>--json</c>, <c>--device</c>, <c>--threads</c>.</summary>
    public CommonOptions Common { get; } = new();

    /// <summary><c>--x</c>.</summary>
    public Option<double> X { get; } = new("--x") { Description = "Scalar point for y and dy/dx.", DefaultValueFactory = _ => Defaults.X };

    /// <summary><c>--terms</c>.</summary>
    public Option<int> Terms { get; } = new("--terms")
    {
        Description = $"Series terms (default {TaylorSine.DefaultTerms}: max |dz/dx - cos x| <= 1e-5 on [-pi, pi] in float32).",
        DefaultValueFactory = _ => Defaults.Terms,
    };

    /// <summary><c>--points</c>.</summary>
    public Option<int> Points { get; } = new("--points") { Description = "Points drawn uniformly from [-pi, pi] for z = sum(y).", DefaultValueFactory = _ => Defaults.Points };

    /// <summary><c>--seed</c>.</summary>
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of the generator that draws the points.", DefaultValueFactory = _ => Defaults.Seed };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { X, Terms, Points, Seed })
            command.Options.Add(option);
        Common.AddTo(command);
    }

    /// <summary>The experiment asked for; a bad value is bad input naming the option.</summary>
    public TaylorOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = new TaylorOptions(parse.GetValue(X), parse.GetValue(Terms), parse.GetValue(Points), parse.GetValue(Seed));
        if (options.Terms < 1)
            throw new CliInputException($"--terms must be at least 1 (got {options.Terms}).");
        if (options.Points < 1)
            throw new CliInputException($"--points must be at least 1 (got {options.Points}).");
        if (!double.IsFinite(options.X))
            throw new CliInputException("--x must be a finite number.");
        return options;
    }

    /// <summary>The <c>taylor</c> command of <paramref name="options"/>, every input explicit.</summary>
    public CliCommandLine Format(TaylorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CliCommandLine(Verb).With(X, options.X).With(Terms, options.Terms).With(Points, options.Points).With(Seed, options.Seed);
    }
}
