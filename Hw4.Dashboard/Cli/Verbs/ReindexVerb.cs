using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Features.Runs;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>reindex</c>: rebuilds the run index from the run folders without starting the web server (<see cref="ReindexCommand"/>).</summary>
public sealed class ReindexVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "reindex";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var artifacts = new Option<string?>("--artifacts-dir") { Description = "The run folders (Hw4:ArtifactsDir).", HelpName = "DIR" };
        var database = new Option<string?>("--database") { Description = "The SQLite index file (Hw4:Database).", HelpName = "FILE" };
        var command = new Command(Name, "Rebuild the dashboard's run index from the run folders.") { artifacts, database };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, _) =>
            ReindexCommand.RunAsync(HostSettings.From(parse, ("Hw4:ArtifactsDir", artifacts), ("Hw4:Database", database)), context.Out, context.Err));
        return command;
    }
}
