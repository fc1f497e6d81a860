using System.Diagnostics;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>
/// Runs the CLI as a child process (the Hw4.Dashboard.dll beside the tests): what a native abort (LibTorch's
/// <c>c10::Error</c> across the P/Invoke boundary), a hang on a FIFO or a memory blow-up does to the process cannot
/// take the test host down with it. Reports the exit code, the output, whether it had to be killed at the deadline,
/// and the peak resident set size: GNU time's %M (from wait4's rusage) where /usr/bin/time exists, else the child's
/// VmHWM polled from /proc.
/// </summary>
internal sealed record CliProcess(int ExitCode, string Stdout, string Stderr, bool TimedOut, long PeakRssKb, string RssHow)
{
    /// <summary>The exit code of a process killed by SIGABRT, as .NET reports it (128 + 6).</summary>
    public const int Aborted = 134;

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The last non-empty stdout line (with --json, one JSON object).</summary>
    public string LastStdoutLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    /// <summary>Everything it printed, for a failure message.</summary>
    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (killed at the deadline)" : "")}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    /// <summary>Runs <c>Hw4.Dashboard &lt;args&gt;</c>, killed after <paramref name="timeoutSeconds"/>; the decoded-dataset cache under <paramref name="scratch"/>.</summary>
    public static async Task<CliProcess> RunAsync(string scratch, int timeoutSeconds, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Hw4.Dashboard.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var rssFile = Path.Combine(scratch, $"rss-{Guid.NewGuid():N}.txt");
        var useTime = File.Exists("/usr/bin/time");
        var start = useTime
            ? new ProcessStartInfo("/usr/bin/time", ["-f", "%M", "-o", rssFile, dotnet, "exec", dll, .. args])
            : new ProcessStartInfo(dotnet, ["exec", dll, .. args]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(scratch, "cache");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        long polled = 0;
        var timedOut = false;
        while (!process.HasExited)
        {
            if (!useTime)
                polled = Math.Max(polled, VmHwmKb(process.Id));
            if (deadline.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(10);
        }

        await process.WaitForExitAsync();
        var peak = polled;
        if (useTime && !timedOut && File.Exists(rssFile))
        {
            var lines = (await File.ReadAllTextAsync(rssFile)).Trim().Split('\n');
            _ = long.TryParse(lines[^1], System.Globalization.CultureInfo.InvariantCulture, out peak);
        }

        return new CliProcess(process.ExitCode, await stdout, await stderr, timedOut, peak, useTime ? "/usr/bin/time %M" : "polled VmHWM");
    }

    /// <summary>The peak resident set size of process <paramref name="pid"/> so far (kB), or 0 when it cannot be read.</summary>
    public static long VmHwmKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
