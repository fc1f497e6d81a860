using System.CommandLine;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Hosting;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>worker</c>: a host with no web UI that runs training and denoising runs from the PostgreSQL store's queue (<see cref="WorkerHost"/>).</summary>
public sealed class WorkerVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "worker";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var device = new Option<string?>("--device") { Description = "Where tensors live: auto, cpu or cuda (Hw4:Device).", HelpName = "auto|cpu|cuda" };
        var name = new Option<string?>("--name") { Description = "This host's name in the queue and the runs list (Hw4:HostName).", HelpName = "NAME" };
        var command = new Command(Name,
            "Run training and denoising runs from the PostgreSQL store's queue, with no web UI. Settings as --Hw4:Postgres CONNECTION, --Hw4:Redis HOST:PORT, --Hw4:ArtifactsDir DIR.")
        {
            device, name,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, _) =>
            WorkerHost.RunAsync(HostSettings.From(parse, ("Hw4:Device", device), ("Hw4:HostName", name)), context.Out, context.Err));
        return command;
    }
}
