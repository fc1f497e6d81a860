using System.Diagnostics;

namespace Hw4.Testing.Servers;

/// <summary>Runs a short command to its end (initdb, chown) and returns its exit code and output.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} did not finish in {timeout.TotalSeconds:F0} s");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>The first <paramref name="name"/> on PATH that is a file, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(IsFile);

    /// <summary>True when <paramref name="path"/> is a file, or a link that ends at one (File.Exists is true for a dangling link).</summary>
    public static bool IsFile(string path) =>
        File.Exists(path) && (File.ResolveLinkTarget(path, returnFinalTarget: true) is not { } target || target.Exists);

    /// <summary>True when this process runs as root (effective uid 0).</summary>
    public static bool IsRoot { get; } = ReadEffectiveUid() == 0;

    private static int? ReadEffectiveUid()
    {
        // /proc/self/status: "Uid:\treal\teffective\tsaved\tfs".
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) : null;
        var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 3 } && int.TryParse(fields[2], out var uid) ? uid : null;
    }
}
