using Npgsql;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// A database of its own on the test PostgreSQL server, made for one test and dropped after it. The server is the one
/// <c>scripts/test-services.sh</c> starts (and <c>.ci/run</c> with it): <c>HW4_TEST_POSTGRES</c>, else
/// <see cref="DefaultServer"/>. An unreachable server fails the test with what to run, never skips it.
/// </summary>
public sealed class PostgresTestDatabase
{
    /// <summary>The server <c>scripts/test-services.sh</c> sets up.</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=hw4;Password=hw4;Database=postgres";

    private string? _name;

    /// <summary>The server's connection string (database <c>postgres</c>).</summary>
    public static string Server => Environment.GetEnvironmentVariable("HW4_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;

    /// <summary>The connection string of this test's database, once made.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Makes the database; returns its connection string.</summary>
    public async Task<string> CreateAsync()
    {
        _name = $"hw4_test_{Guid.NewGuid():N}";
        await using var admin = await OpenServerAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", admin))
            await create.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name, Pooling = false }.ConnectionString;
        return ConnectionString;
    }

    /// <summary>Drops the database (closing what is still connected to it).</summary>
    public async Task DropAsync()
    {
        if (_name is null)
            return;
        await using var admin = await OpenServerAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        _name = null;
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(Server);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The PostgreSQL test server is not reachable at '{new NpgsqlConnectionStringBuilder(Server) { Password = null }}' ({e.Message}). " +
                "Start it with `bash scripts/test-services.sh start` (as .ci/run does) or point HW4_TEST_POSTGRES at one.", e);
        }
    }
}
