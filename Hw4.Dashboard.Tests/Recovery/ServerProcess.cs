using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Hw4.Dashboard.Features.Api;

namespace Hw4.Dashboard.Tests.Recovery;

/// <summary>
/// The built dashboard (Hw4.Dashboard.dll beside the tests) started as a child process on a free loopback port, with
/// the folders a test gives it. Its output is kept for the failure message. <see cref="Kill"/> is SIGKILL on Linux:
/// nothing in the server gets to run after it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>A client for it.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Its process id (for /proc, and to judge its ownership of a run).</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (after it exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server with <paramref name="settings"/> (<c>--Key value</c> pairs) on <paramref name="port"/>.</summary>
    public static ServerProcess Start(string root, int port, params string[] settings) =>
        Launch(root, port, ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning", .. settings]);

    /// <summary>The same, with <paramref name="environment"/> added to its environment (settings as <c>Hw4__Key</c>).</summary>
    public static ServerProcess Start(string root, int port, IReadOnlyDictionary<string, string> environment, params string[] settings) =>
        Launch(root, port, ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning", .. settings], environment);

    /// <summary>
    /// Starts <c>Hw4.Dashboard worker</c> with <paramref name="settings"/> (no web server: <see cref="Http"/> has no
    /// use); wait for it with <see cref="WaitForOutputAsync"/>.
    /// </summary>
    public static ServerProcess StartWorker(string root, params string[] settings) =>
        Launch(root, 0, ["worker", .. settings]);

    /// <summary>Starts a headless verb (<c>train …</c>) as its own process, as a user at a shell would.</summary>
    public static ServerProcess StartCli(string root, params string[] args) => Launch(root, 0, args);

    private static ServerProcess Launch(string root, int port, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Hw4.Dashboard.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "exec", dll }.Concat(args))
            info.ArgumentList.Add(arg);
        // The decoded-dataset cache of this test's own, not the user's.
        info.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "cache");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = System.Diagnostics.Process.Start(info)!;
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Waits until <c>/healthz</c> answers (or the process exits, which fails the test with its output). The bounds here
    /// are generous: a server starting on a 2-core machine that other suites keep busy has taken over 90 s, and a
    /// condition that holds returns at once.
    /// </summary>
    public async Task WaitUntilHealthyAsync(int seconds = 300)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"server not healthy in {seconds} s:\n{Output}");
    }

    /// <summary>Waits until the process has printed <paramref name="text"/> (or exits, which fails the test with its output).</summary>
    public async Task WaitForOutputAsync(string text, int seconds = 300)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
                return;
            if (_process.HasExited)
                throw new InvalidOperationException($"process exited with {_process.ExitCode}:\n{Output}");
            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' not printed in {seconds} s:\n{Output}");
    }

    /// <summary><c>GET /api/runs/{id}</c>.</summary>
    public Task<RunStatusResponse?> StatusAsync(string runId) =>
        Http.GetFromJsonAsync<RunStatusResponse>(RunsApi.StatusPath(runId));

    /// <summary>Polls the status of <paramref name="runId"/> until <paramref name="done"/> holds; returns it.</summary>
    public async Task<RunStatusResponse> WaitForAsync(string runId, Func<RunStatusResponse, bool> done, int seconds = 300, int pollMs = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        RunStatusResponse? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StatusAsync(runId);
            if (last is not null && done(last))
                return last;
            await Task.Delay(pollMs);
        }

        throw new TimeoutException($"run {runId} did not get there in {seconds} s; last {last}:\n{Output}");
    }

    /// <summary>SIGKILL, and wait for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
