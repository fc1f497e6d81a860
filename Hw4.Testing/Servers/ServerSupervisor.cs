using System.Diagnostics;

namespace Hw4.Testing.Servers;

/// <summary>
/// One run of a server program under a small bash supervisor that ties the server to its owner: the supervisor stops the
/// server (SIGINT: PostgreSQL's fast shutdown, Redis's shutdown) when its standard input closes, which the kernel does
/// when the test process ends, even killed, and then deletes the server's folder; or when the owner writes <c>keep</c>,
/// and then leaves the folder for a restart. When the server exits by itself the supervisor exits with its code. The
/// server's output goes to <c>server.log</c> in the folder.
/// </summary>
internal sealed class ServerSupervisor
{
    // $1 the folder, the rest the server's command line.
    private const string Script = """
        folder=$1; shift
        exec >>"$folder/server.log" 2>&1
        "$@" </dev/null &
        server=$!
        exec 3<&0
        ( if read -r line <&3 && [ "$line" = keep ]; then exit 10; fi; exit 0 ) &
        watcher=$!
        wait -n -p finished "$server" "$watcher"
        status=$?
        if [ "$finished" = "$server" ]; then
          kill "$watcher" 2>/dev/null
          exit "$status"
        fi
        kill -INT "$server" 2>/dev/null
        wait "$server"
        code=$?
        [ "$status" = 10 ] || rm -rf "$folder"
        exit "$code"
        """;

    private readonly Process _process;

    private ServerSupervisor(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    /// <summary>The server's folder (its data and <c>server.log</c>).</summary>
    public string Folder { get; }

    /// <summary>True once the server has exited (by itself, or stopped).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="command"/> with its folder <paramref name="folder"/>.</summary>
    public static ServerSupervisor Start(string folder, IEnumerable<string> command)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            // Read (below) but empty: the script sends its output and the server's to server.log, so nothing writes to a
            // pipe whose reader may be gone.
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-c", Script, "hw4-server", folder }.Concat(command))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerSupervisor(process, folder);
    }

    /// <summary>The last lines of <c>server.log</c>, for an error message.</summary>
    public string LogTail(int lines = 30)
    {
        var log = Path.Combine(Folder, "server.log");
        try
        {
            return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(lines)) : "(no server.log)";
        }
        catch (IOException e)
        {
            return $"(server.log unreadable: {e.Message})";
        }
    }

    /// <summary>The server's exit code (after <see cref="HasExited"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Stops the server and waits for it; <paramref name="keepFolder"/> leaves its folder for a restart.</summary>
    public async Task StopAsync(bool keepFolder, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            try
            {
                if (keepFolder)
                    await _process.StandardInput.WriteLineAsync("keep");
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The supervisor exited meanwhile.
            }

            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}
