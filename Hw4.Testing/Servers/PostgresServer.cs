namespace Hw4.Testing.Servers;

/// <summary>
/// A throw-away PostgreSQL server: Debian's <c>initdb</c> and <c>postgres</c> (the newest
/// <c>/usr/lib/postgresql/N/bin</c>, else PATH) on a data folder under the temp folder, listening on a free loopback port
/// only, trust authentication for the superuser <see cref="Superuser"/>, no fsync. When the tests run as root it runs as
/// the user <c>postgres</c> (PostgreSQL refuses root). <see cref="ThrowAwayServer.StopAsync"/> is PostgreSQL's fast
/// shutdown (open connections are cut, as in an outage); <see cref="ThrowAwayServer.StartAsync"/> brings it back on the
/// same port with the same data. Tests that only need a database use the process-wide server of
/// <see cref="SharedServers.PostgresAsync"/>, which nobody stops.
/// </summary>
public sealed class PostgresServer : ThrowAwayServer
{
    /// <summary>The superuser the connection strings use (trust authentication, no password).</summary>
    public const string Superuser = "postgres";

    private static readonly Lazy<string?> BinDirectory = new(FindBinDirectory);

    private readonly string _bin;

    private PostgresServer(string bin, string folder)
        : base("PostgreSQL", folder) => _bin = bin;

    /// <summary>An Npgsql connection string to its <c>postgres</c> database as <see cref="Superuser"/>.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataFolder => Path.Combine(Folder, "data");

    /// <summary>Initialises a new cluster and starts it; skips the test where PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        Prerequisite.PostgreSql.Require();
        var bin = BinDirectory.Value!;
        var folder = Directory.CreateTempSubdirectory("hw4-postgres-").FullName;
        try
        {
            if (ProcessRunner.IsRoot)
                await RunCheckedAsync(["chown", $"{Superuser}:{Superuser}", folder]);
            var server = new PostgresServer(bin, folder);
            await RunCheckedAsync(server.AsServerUser("initdb",
                "-D", server.DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            await server.StartOnAFreePortAsync();
            return server;
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>An Npgsql connection string to <paramref name="database"/> on it.</summary>
    public string ConnectionStringFor(string database) => $"Host=127.0.0.1;Port={Text(Port)};Username={Superuser};Database={database}";

    /// <summary>Why the tests cannot start a PostgreSQL server here, or null when they can.</summary>
    internal static string? MissingBinaries()
    {
        if (BinDirectory.Value is null)
            return "PostgreSQL's initdb and postgres are neither under /usr/lib/postgresql/*/bin nor on PATH (apt-get install -y postgresql).";
        if (!ProcessRunner.IsRoot)
            return null;
        if (!File.ReadLines("/etc/passwd").Any(l => l.StartsWith(Superuser + ":", StringComparison.Ordinal)))
            return $"the tests run as root, so they start PostgreSQL as the user {Superuser}, which does not exist (apt-get install -y postgresql creates it).";
        return ProcessRunner.FindOnPath("setpriv") is null
            ? $"the tests run as root, so they start PostgreSQL as the user {Superuser} through setpriv, which is not on PATH (apt-get install -y util-linux)."
            : null;
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(int port) => AsServerUser("postgres",
        "-D", DataFolder,
        "-c", "listen_addresses=127.0.0.1",
        "-c", $"port={Text(port)}",
        "-c", "unix_socket_directories=",
        // A test server: nothing it holds must survive a power cut, and the team tests open many connections.
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=300", "-c", "shared_buffers=32MB");

    // postmaster.pid's lines: pid, data folder, start time, port, socket folder, listen address, shared memory key, and
    // the status, "ready" once it accepts connections (what pg_ctl start waits for).
    /// <inheritdoc />
    protected override Task<bool> IsReadyAsync(int port)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(DataFolder, "postmaster.pid"));
            return Task.FromResult(lines.Length >= 8 && lines[3].Trim() == Text(port) && lines[7].Trim() == "ready");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    private string[] AsServerUser(string program, params string[] args) =>
        ProcessRunner.IsRoot
            ? ["setpriv", $"--reuid={Superuser}", $"--regid={Superuser}", "--init-groups", Path.Combine(_bin, program), .. args]
            : [Path.Combine(_bin, program), .. args];

    private static async Task RunCheckedAsync(string[] command)
    {
        var (code, output) = await ProcessRunner.RunAsync(command[0], command[1..], StartTimeout);
        if (code != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed with exit code {code}:\n{output}");
    }

    private static string? FindBinDirectory()
    {
        static bool HasBoth(string dir) => ProcessRunner.IsFile(Path.Combine(dir, "initdb")) && ProcessRunner.IsFile(Path.Combine(dir, "postgres"));

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var debian = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => HasBoth(d.Bin))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault();
            if (debian is not null)
                return debian;
        }

        var onPath = ProcessRunner.FindOnPath("initdb") is { } initdb ? Path.GetDirectoryName(initdb) : null;
        return onPath is not null && HasBoth(onPath) ? onPath : null;
    }
}
