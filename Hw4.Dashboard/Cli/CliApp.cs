namespace Hw4.Dashboard.Cli;

/// <summary>The headless command line: one verb per homework task. Filled in by the verb work.</summary>
public static class CliApp
{
    /// <summary>True when the first argument names a verb rather than a web-host option.</summary>
    public static bool IsVerb(string[] args) => false;

    /// <summary>Runs a verb; returns the process exit code (0 success, 2 bad arguments or input).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => Task.FromResult(2);
}
