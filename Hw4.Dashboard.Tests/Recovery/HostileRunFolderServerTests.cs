using System.Diagnostics;
using System.Net;
using System.Text;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Tests.Cli;
using Hw4.Dashboard.Tests.Features.Runs;
using Xunit.Abstractions;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// The real server as a child process over an artifacts folder with hostile run folders: it starts (a FIFO run.json
/// does not block the start), keeps serving, and stays within a peak RSS of 1 GiB while the folders are read. A
/// watchdog kills it as soon as it passes the limit, so a regression fails fast instead of taking the machine's memory.
/// </summary>
public sealed class HostileRunFolderServerTests(ITestOutputHelper output) : IDisposable
{
    private const long PeakRssLimitKb = 1L << 20;
    private const string Huge = "20261201-000000-cnn-huge";
    private const string Fifo = "20261201-000000-cnn-fifo";
    private const string Plain = "20261201-000000-cnn-okay";

    private readonly string _root = Directory.CreateTempSubdirectory("hw4-hostile-server-").FullName;

    private string Runs => Path.Combine(_root, "runs");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Settings() =>
    [
        "--Hw4:Device", "cpu",
        "--Hw4:DataDir", _root,
        "--Hw4:ArtifactsDir", Runs,
        "--Hw4:Database", Path.Combine(_root, "hw4.db"),
    ];

    [Fact]
    public async Task Server_RunJsonWithA150MbMessage_FourConcurrentStatusReadsAndItsPage_PeakRssUnder1GiBAndStillServing()
    {
        new RunFolderBuilder(Runs).Finished(Plain, "cnn", [1.0]);
        var dir = new RunFolderBuilder(Runs).Finished(Huge, "cnn", [1.0]);
        WriteWithMessage(dir.RunJsonPath, 150L << 20);
        await using var server = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings());
        await server.WaitUntilHealthyAsync(180);
        using var watchdog = new CancellationTokenSource();
        var peak = Watch(server, watchdog.Token);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await server.Http.GetAsync(RunsApi.StatusPath(Huge));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        using var page = new HttpRequestMessage(HttpMethod.Get, $"/runs/{Huge}");
        page.Headers.Accept.ParseAdd("text/html");
        using var pageResponse = await server.Http.SendAsync(page);
        var pageHtml = await pageResponse.Content.ReadAsStringAsync();
        using var healthz = await server.Http.GetAsync("/healthz");
        using var other = await server.Http.GetAsync(RunsApi.StatusPath(Plain));
        await watchdog.CancelAsync();
        var peakKb = await peak;

        output.WriteLine($"peak RSS {peakKb:N0} kB (VmHWM of the server process)");
        Assert.True(peakKb is > 0 and < PeakRssLimitKb, $"peak RSS {peakKb:N0} kB:\n{server.Output}");
        foreach (var (status, body) in statuses)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("\"status\":\"unreadable\"", body);
            Assert.Contains($"{Huge}/run.json is 150 MiB", body);
            Assert.Contains("over the 1 MiB limit for that file", body);
            Assert.DoesNotContain(_root, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("run.json is 150 MiB", pageHtml);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Server_RunJsonIsAFifo_StartsAndShowsItUnreadable()
    {
        new RunFolderBuilder(Runs).Finished(Plain, "cnn", [1.0]);
        Directory.CreateDirectory(Path.Combine(Runs, Fifo));
        Bombs.Fifo(Path.Combine(Runs, Fifo, "run.json"));

        await using var server = ServerProcess.Start(_root, ServerProcess.FreePort(), Settings());
        await server.WaitUntilHealthyAsync(180);
        var status = await server.Http.GetStringAsync(RunsApi.StatusPath(Fifo));
        var runs = await server.Http.GetStringAsync("/runs");

        Assert.Contains("\"status\":\"unreadable\"", status);
        Assert.Contains($"{Fifo}/run.json is a named pipe (FIFO), not a regular file", status);
        Assert.Contains(Plain, runs);
    }

    // Rewrites run.json with a message of bytes characters, streamed (the test itself never holds it).
    private static void WriteWithMessage(string runJson, long bytes)
    {
        var text = File.ReadAllText(runJson);
        const string field = "\"message\": null";
        var at = text.IndexOf(field, StringComparison.Ordinal);
        Assert.True(at >= 0, "run.json has no message field");
        using var file = new FileStream(runJson, FileMode.Create, FileAccess.Write);
        file.Write(Encoding.UTF8.GetBytes(text[..at] + "\"message\": \""));
        var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
        for (long written = 0; written < bytes; written += chunk.Length)
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        file.Write(Encoding.UTF8.GetBytes("\"" + text[(at + field.Length)..]));
    }

    // The server's VmHWM, polled until cancelled; past the limit the server is killed at once (its own test then fails).
    private static async Task<long> Watch(ServerProcess server, CancellationToken stop)
    {
        long peak = 0;
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            peak = Math.Max(peak, CliProcess.VmHwmKb(server.ProcessId));
            if (peak >= PeakRssLimitKb && !server.HasExited)
            {
                server.Kill();
                break;
            }

            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return Math.Max(peak, server.HasExited ? 0 : CliProcess.VmHwmKb(server.ProcessId));
    }
}
