using System.Diagnostics;
using System.Globalization;

namespace Hw4.Bench;

/// <summary>Drives a <c>stream-clients</c> child process (this same benchmark binary) over its stdin and stdout.</summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ClientProcess(Process process) => _process = process;

    public static async Task<ClientProcess> StartAsync(string url, int count, string protocol)
    {
        // Started the way this process was: `dotnet Hw4.Bench.dll …` or the apphost.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the benchmark binary");
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            info.ArgumentList.Add(typeof(ClientProcess).Assembly.Location);
        foreach (var a in new[] { "stream-clients", "--url", url, "--count", count.ToString(CultureInfo.InvariantCulture), "--protocol", protocol })
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start stream-clients");
        var first = await process.StandardOutput.ReadLineAsync();
        if (first != "ready")
            throw new InvalidOperationException($"stream-clients did not start (said '{first}')");
        return new ClientProcess(process);
    }

    /// <summary>Has the clients follow <paramref name="runId"/>; completes when all saw its end.</summary>
    public async Task<(List<double> LatenciesMs, int Events)> FollowAsync(string runId)
    {
        await _process.StandardInput.WriteLineAsync($"sub {runId}");
        await _process.StandardInput.FlushAsync();
        var latencies = new List<double>();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("lat ", StringComparison.Ordinal))
                latencies.Add(double.Parse(line[4..], CultureInfo.InvariantCulture));
            else if (line.StartsWith($"error {runId} ", StringComparison.Ordinal))
                throw new InvalidOperationException($"stream-clients: {line}");
            else if (line.StartsWith($"done {runId} ", StringComparison.Ordinal))
                return (latencies, int.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
        }

        throw new InvalidOperationException("stream-clients exited early");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            if (!_process.WaitForExit(10_000))
                _process.Kill();
        }

        _process.Dispose();
    }
}
