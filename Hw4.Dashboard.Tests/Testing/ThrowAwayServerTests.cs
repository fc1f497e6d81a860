using System.Net.Sockets;
using Hw4.Dashboard.Configuration;
using Hw4.Testing;
using Hw4.Testing.Servers;
using Npgsql;
using StackExchange.Redis;

namespace Hw4.Dashboard.Tests.Testing;

/// <summary>
/// The tests' own servers (Hw4.Testing) do what the outage tests rely on: a stop cuts clients off, a start brings the
/// server back on the same port (PostgreSQL with its data, Redis empty), and disposing leaves nothing behind.
/// </summary>
public sealed class ThrowAwayServerTests
{
    [Fact]
    public async Task PostgresServer_StopThenStart_RefusesConnectionsMeanwhileThenServesTheSameDataOnTheSamePort()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var port = server.Port;
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        await ExecuteAsync(connection, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");

        await server.StopAsync();

        Assert.False(server.IsRunning);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connection, "SELECT 1"));

        await server.StartAsync();

        Assert.True(server.IsRunning);
        Assert.Equal(port, server.Port);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT n FROM kept", db);
        Assert.Equal(42, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PostgresServer_Dispose_StopsItAndDeletesItsFolder()
    {
        var server = await PostgresServer.StartNewAsync();
        var (folder, port) = (server.Folder, server.Port);
        Assert.True(Directory.Exists(Path.Combine(folder, "data")));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(folder));
        Assert.False(await ListensAsync(port));
    }

    [Fact]
    public async Task RedisServer_StopThenStart_SamePortAndEveryKeyGone()
    {
        await using var server = await RedisServer.StartNewAsync();
        var port = server.Port;
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration))
            await redis.GetDatabase().StringSetAsync("hw4:test", "x");

        await server.StopAsync();

        Assert.False(await ListensAsync(port));

        await server.StartAsync();

        Assert.Equal(port, server.Port);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration))
            Assert.False(await redis.GetDatabase().KeyExistsAsync("hw4:test"));

        await server.DisposeAsync();
        Assert.False(Directory.Exists(server.Folder));
    }

    [Fact]
    public async Task SharedServers_TwoAsks_OneServerEach()
    {
        Assert.Equal(await SharedServers.PostgresAsync(), await SharedServers.PostgresAsync());
        Assert.Equal(await SharedServers.RedisAsync(), await SharedServers.RedisAsync());
    }

    [Fact]
    public void SharedData_Folder_IsTheOneTheAppFinds()
    {
        Assert.Equal(DataLocator.FromOptions(new Hw4Options()).DataDir, SharedData.Folder);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
