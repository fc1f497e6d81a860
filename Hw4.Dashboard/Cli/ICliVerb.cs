using System.CommandLine;
using Hw4.Dashboard.Arguments;

namespace Hw4.Dashboard.Cli;

/// <summary>
/// One headless verb (<c>taylor</c>, <c>denoise</c>, <c>train</c>, …). A verb builds its <see cref="Command"/> for one
/// run, closing over <paramref name="context"/> for output, so nothing is shared between runs.
/// To add a verb: write a class in <c>Cli/Verbs/</c> and list it in <see cref="CliVerbs.All"/>.
/// </summary>
public interface ICliVerb
{
    /// <summary>The verb as typed on the command line.</summary>
    string Name { get; }

    /// <summary>Builds the command: options, description and an action that returns the exit code.</summary>
    Command Build(CliContext context);
}
