using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Ml.Autograd;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>taylor</c>: sin as a Taylor series, differentiated by autograd and compared with cos.</summary>
public sealed class TaylorVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => TaylorArguments.Verb;

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var arguments = new TaylorArguments();
        var common = arguments.Common;
        var command = new Command(Name, "Autograd Taylor sine: y, dy/dx at --x and the max error of dz/dx against cos over --points.");
        arguments.AddTo(command);
        command.SetAction(parse =>
        {
            var options = arguments.Read(parse);
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
