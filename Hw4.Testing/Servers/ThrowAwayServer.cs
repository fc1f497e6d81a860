using System.Globalization;

namespace Hw4.Testing.Servers;

/// <summary>
/// A server program a test starts for itself, on a free loopback port, with a folder of its own under the temp folder.
/// It is stopped and its folder deleted by <see cref="DisposeAsync"/>, and by the kernel's closing of a pipe when the
/// test process ends any other way (<see cref="ServerSupervisor"/>), so no server outlives its tests. A test may stop
/// it (<see cref="StopAsync"/>, as in an outage) and start it again (<see cref="StartAsync"/>) on the same port.
/// </summary>
public abstract class ThrowAwayServer : IAsyncDisposable
{
    /// <summary>How long a start may take before it fails; generous, as a loaded 2-core machine is slow to start one.</summary>
    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServerSupervisor? _running;

    /// <summary>A server named <paramref name="name"/> (for messages) whose folder is <paramref name="folder"/>.</summary>
    protected ThrowAwayServer(string name, string folder)
    {
        Name = name;
        Folder = folder;
    }

    /// <summary>What it is, for messages ("PostgreSQL").</summary>
    public string Name { get; }

    /// <summary>Its folder (data, <c>server.log</c>).</summary>
    public string Folder { get; }

    /// <summary>The loopback port it listens on (the same after a restart).</summary>
    public int Port { get; private set; }

    /// <summary>True while it runs (false after <see cref="StopAsync"/>, or if it died).</summary>
    public bool IsRunning => _running is { HasExited: false };

    /// <summary>The last lines of its log, for a failure message.</summary>
    public string RecentLog => _running?.LogTail() ?? "(stopped)";

    /// <summary>
    /// Stops it (its clients are cut off) and waits until it is gone; its port and folder are kept for
    /// <see cref="StartAsync"/>. Does nothing when it is not running.
    /// </summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_running is { } running)
            {
                _running = null;
                await running.StopAsync(keepFolder: true, StopTimeout);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts it again after <see cref="StopAsync"/>, on the same port; returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (IsRunning)
                throw new InvalidOperationException($"The {Name} test server on port {Port} is already running.");
            _running = null;
            _running = await LaunchAsync(Port);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops it and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_running is { } running)
            {
                _running = null;
                await running.StopAsync(keepFolder: false, StopTimeout);
            }

            DeleteFolder(Folder);
        }
        finally
        {
            _gate.Release();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The command line that runs it on <paramref name="port"/> (in the foreground).</summary>
    protected abstract IReadOnlyList<string> Command(int port);

    /// <summary>True once it accepts connections on <paramref name="port"/>.</summary>
    protected abstract Task<bool> IsReadyAsync(int port);

    /// <summary>The first start, on a free port (another if a process took that one first).</summary>
    protected async Task StartOnAFreePortAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.Free();
            try
            {
                _running = await LaunchAsync(Port);
                return;
            }
            catch (PortTakenException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Deletes <paramref name="folder"/> if it is there; a failure leaves it in the temp folder.</summary>
    protected static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing depends on it.
        }
    }

    private async Task<ServerSupervisor> LaunchAsync(int port)
    {
        var supervisor = ServerSupervisor.Start(Folder, Command(port));
        var deadline = DateTime.UtcNow + StartTimeout;
        // Exited is checked first: where another process took the port, that one may be the one answering.
        while (supervisor.HasExited || !await IsReadyAsync(port))
        {
            if (supervisor.HasExited || DateTime.UtcNow > deadline)
            {
                var exited = supervisor.HasExited;
                var log = supervisor.LogTail();
                await supervisor.StopAsync(keepFolder: true, StopTimeout);
                if (exited && log.Contains("Address already in use", StringComparison.Ordinal))
                    throw new PortTakenException($"The {Name} test server could not listen on port {port}, which another process took:\n{log}");
                throw exited
                    ? new InvalidOperationException($"The {Name} test server (port {port}) exited while starting:\n{log}")
                    : new TimeoutException($"The {Name} test server (port {port}) did not accept connections within {StartTimeout.TotalSeconds:F0} s:\n{log}");
            }

            await Task.Delay(50);
        }

        return supervisor;
    }

    /// <summary>The port as the servers' command lines write it.</summary>
    protected static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed class PortTakenException(string message) : Exception(message);
}
