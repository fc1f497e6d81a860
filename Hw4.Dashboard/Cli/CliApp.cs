using System.CommandLine;
using System.Runtime.InteropServices;
using Hw4.Dashboard.Arguments;
using Hw4.Ml.Data;
using Hw4.Ml.Imaging;
using Hw4.Ml.Runtime;

namespace Hw4.Dashboard.Cli;

/// <summary>
/// The headless command line: one verb per homework task (see <see cref="CliVerbs"/>). Exit codes follow
/// <see cref="ExitCodes"/>: 0 success, 2 bad arguments or input (one line on stderr, never a stack trace), 3 diverged.
/// </summary>
public static class CliApp
{
    private static readonly string[] RootHelpAliases = ["--help", "-h", "-?", "help"];

    /// <summary>
    /// True when the first argument names a verb (or asks for the verb list) rather than configuring the web host:
    /// no arguments, <c>--urls …</c> or <c>key=value</c> start the server.
    /// </summary>
    public static bool IsVerb(string[] args)
    {
        if (args.Length == 0)
            return false;
        var first = args[0];
        if (RootHelpAliases.Contains(first, StringComparer.Ordinal))
            return true;
        // ASP.NET Core takes configuration as "--key value", "/key value" or "key=value"; none of those is a verb.
        return !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=');
    }

    /// <summary>
    /// How long a verb has to end after Ctrl+C or SIGTERM before the process exits anyway (under Docker's and systemd's
    /// 10 s and 90 s before their SIGKILL); a training run stops at its next batch, well under a second here.
    /// </summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(8);

    /// <summary>Runs a verb; returns the process exit code (0 success, 2 bad arguments or input).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        // Before any verb touches torch: OpenMP reads its settings when LibTorch loads.
        OpenMpSettings.PreferPassiveWait();
        MallocSettings.EnsureConfigured();
        if (Configuration.RetiredSettings.FindFlags(args) is { Count: > 0 } renamed)
        {
            stderr.WriteLine($"error: {string.Join("; ", renamed)}");
            return ExitCodes.BadInput;
        }

        var context = new CliContext(stdout, stderr);
        var root = BuildRoot(context);
        var parse = root.Parse(args.Length > 0 && args[0] == "help" ? ["--help", .. args[1..]] : args);

        // System.CommandLine answers parse errors with exit 1 and a help dump; the convention here is one line and 2.
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            if (parse.CommandResult.Command == root)
            {
                var verbs = string.Join(", ", root.Subcommands.Select(c => c.Name));
                var given = args.Length > 0 ? $"unknown verb '{args[0]}'" : "no verb given";
                stderr.WriteLine($"error: {given}; verbs: {verbs} (see --help)");
            }
            else
            {
                var verb = parse.CommandResult.Command.Name;
                stderr.WriteLine($"error: {verb}: {FirstLine(parse.Errors[0].Message)} (see '{verb} --help')");
            }

            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Exceptions are mapped to one-line messages below instead of System.CommandLine's stack-trace dump.
            EnableDefaultExceptionHandler = false,
            // Signals are handled below, one way for both.
            ProcessTerminationTimeout = null,
        };

        // Ctrl+C (SIGINT) and SIGTERM (kill, docker stop, systemd) cancel the verb, which then ends as the user asked: a
        // run "stopped" at the next batch. Left to the runtime, SIGTERM started the process's shutdown, which raced the
        // verb: exit 143 with run.json still "running", or 130 when the verb won.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stopping));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stopping));

        try
        {
            return await parse.InvokeAsync(invocation, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (IsInputError(e))
        {
            stderr.WriteLine($"error: {FirstLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"failed: {e.GetType().Name}: {FirstLine(e.Message)}");
            return ExitCodes.Failure;
        }
    }

    // The verb's token is cancelled instead of the process ending; a verb that has not ended within its grace is ended
    // anyway, as the signal asked.
    private static void Stop(PosixSignalContext signal, CancellationTokenSource stopping)
    {
        signal.Cancel = true;
        stopping.Cancel();
        _ = Task.Delay(TerminationGrace).ContinueWith(_ => Environment.Exit(ExitCodes.Cancelled), TaskScheduler.Default);
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Hw4 Lab: run a homework task headless, or start the dashboard with no verb.");
        foreach (var verb in CliVerbs.All())
            root.Subcommands.Add(verb.Build(context));
        return root;
    }

    private static bool IsInputError(Exception e) => e is CliInputException
        or ImageLoadException
        or DatasetException
        or FileNotFoundException
        or DirectoryNotFoundException;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "unknown error" : line;
    }
}
