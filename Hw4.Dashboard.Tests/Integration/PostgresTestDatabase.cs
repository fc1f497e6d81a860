using Hw4.Testing.Servers;
using Npgsql;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// A database of its own for one test, made on a PostgreSQL server the tests started (the process-wide one of
/// <see cref="SharedServers.PostgresAsync"/> unless a server is given) and dropped after it. The test is skipped where
/// PostgreSQL is not installed.
/// </summary>
public sealed class PostgresTestDatabase(Func<Task<string>> server)
{
    private string? _server;
    private string? _name;

    /// <summary>A database on the shared test server.</summary>
    public PostgresTestDatabase()
        : this(SharedServers.PostgresAsync)
    {
    }

    /// <summary>A database on <paramref name="server"/> (a test's own, such as one it stops and restarts).</summary>
    public PostgresTestDatabase(PostgresServer server)
        : this(() => Task.FromResult(server.ConnectionString))
    {
    }

    /// <summary>The connection string of this test's database, once made.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Makes the database; returns its connection string.</summary>
    public async Task<string> CreateAsync()
    {
        _server = await server();
        _name = $"hw4_test_{Guid.NewGuid():N}";
        await using var admin = await OpenServerAsync(_server);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin))
            await create.ExecuteNonQueryAsync();
        // Npgsql's 15 s to connect and 30 s a command are for a server on its own machine; on 2 cores busy with other
        // suites a connection has taken longer. Generous bounds: a healthy server answers at once.
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false, Timeout = 120, CommandTimeout = 300 }.ConnectionString;
        return ConnectionString;
    }

    /// <summary>Drops the database (closing what is still connected to it).</summary>
    public async Task DropAsync()
    {
        if (_name is null || _server is null)
            return;
        await using var admin = await OpenServerAsync(_server);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        _name = null;
    }

    private static async Task<NpgsqlConnection> OpenServerAsync(string server)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Timeout = 120, CommandTimeout = 300 }.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The PostgreSQL test server is not reachable at '{new NpgsqlConnectionStringBuilder(server) { Password = null }}' ({e.Message}).", e);
        }
    }
}
