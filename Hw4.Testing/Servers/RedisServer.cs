using System.Net.Sockets;
using System.Text;

namespace Hw4.Testing.Servers;

/// <summary>
/// A throw-away <c>redis-server</c> on a free loopback port that persists nothing (no RDB, no AOF), so
/// <see cref="ThrowAwayServer.StopAsync"/> then <see cref="ThrowAwayServer.StartAsync"/> is a Redis restart that lost
/// every key, on the same port. Tests that only need a Redis use the process-wide one of
/// <see cref="SharedServers.RedisAsync"/>, which nobody stops.
/// </summary>
public sealed class RedisServer : ThrowAwayServer
{
    private static readonly Lazy<string?> Binary = new(() =>
        ProcessRunner.FindOnPath("redis-server"));

    private RedisServer(string folder)
        : base("Redis", folder)
    {
    }

    /// <summary>Its StackExchange.Redis configuration string (<c>127.0.0.1:port</c>), as <c>Hw4:Redis</c> takes it.</summary>
    public string Configuration => $"127.0.0.1:{Text(Port)}";

    /// <summary>Starts one; skips the test where <c>redis-server</c> is not installed.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        Prerequisite.Redis.Require();
        var server = new RedisServer(Directory.CreateTempSubdirectory("hw4-redis-").FullName);
        try
        {
            await server.StartOnAFreePortAsync();
            return server;
        }
        catch
        {
            DeleteFolder(server.Folder);
            throw;
        }
    }

    /// <summary>Why the tests cannot start a Redis server here, or null when they can.</summary>
    internal static string? MissingBinary() =>
        Binary.Value is null ? "redis-server is not on PATH (apt-get install -y redis-server)." : null;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(int port) =>
    [
        Binary.Value!, "--port", Text(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", Folder, "--daemonize", "no",
    ];

    /// <inheritdoc />
    protected override async Task<bool> IsReadyAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
