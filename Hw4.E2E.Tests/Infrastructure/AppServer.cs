using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hw4.Dashboard.Tests.Integration;

namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// The built dashboard (Hw4.Dashboard.dll beside the tests) as a child process on a free loopback port, with a
/// temporary folder of its own for the runs, the SQLite index and the decoded-dataset cache, and the tiny CIFAR archive
/// as its data. Its output is kept for failure messages; disposing kills it and deletes the folder.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppServer(Process process, string root, int port)
    {
        _process = process;
        Root = root;
        Url = $"http://127.0.0.1:{port}";
    }

    /// <summary>The base address, without a trailing slash.</summary>
    public string Url { get; }

    /// <summary>This server's temporary folder.</summary>
    public string Root { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts a server and waits until <c>/healthz</c> answers.</summary>
    public static async Task<AppServer> StartAsync(params string[] settings)
    {
        // CIFAR-10's 10 classes: 300 train images (256 to train on with limit 256 and 32 held out), 40 test images.
        var data = TinyCifarZip.EnsureDataDir(trainPerClass: 30, testPerClass: 4, classCount: 10);
        var root = Directory.CreateTempSubdirectory("hw4-e2e-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        string[] args =
        [
            "exec", Path.Combine(AppContext.BaseDirectory, "Hw4.Dashboard.dll"),
            "--urls", $"http://127.0.0.1:{port}",
            "--Hw4:Device", "cpu",
            "--Hw4:DataDir", data,
            "--Hw4:ArtifactsDir", Path.Combine(root, "runs"),
            "--Hw4:Database", Path.Combine(root, "hw4.db"),
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ];
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "cache");
        var process = Process.Start(info)!;
        var server = new AppServer(process, root, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child: the temp folder is cleaned by the OS later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(int seconds = 300)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"server not healthy in {seconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
