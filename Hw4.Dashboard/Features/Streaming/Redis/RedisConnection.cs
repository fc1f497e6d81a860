using StackExchange.Redis;

namespace Hw4.Dashboard.Features.Streaming.Redis;

/// <summary>
/// The one Redis connection of a host (<c>Hw4:Redis</c>, a StackExchange.Redis configuration string such as
/// <c>127.0.0.1:6379</c>), shared by SignalR's backplane and Hw4's own log, claims and channels. It connects on first
/// use and, if Redis is down then, keeps retrying in the background instead of failing the host.
/// </summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    });

    /// <summary>The multiplexer, connecting on the first call.</summary>
    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    /// <summary>The database, connecting on the first call.</summary>
    public async Task<IDatabase> DatabaseAsync() => (await ConnectAsync()).GetDatabase();

    /// <summary>
    /// The database when Redis answers now, else null at once (after the first connection attempt): a host whose Redis
    /// is down goes on alone instead of waiting for a timeout at every event.
    /// </summary>
    public async Task<IDatabase?> ConnectedDatabaseAsync()
    {
        var connection = await ConnectAsync();
        return connection.IsConnected ? connection.GetDatabase() : null;
    }

    /// <summary>The database when the connection is made and up (for fire-and-forget writes that must not wait).</summary>
    public bool TryGetDatabase(out IDatabase db)
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully && _connection.Value.Result.IsConnected)
        {
            db = _connection.Value.Result.GetDatabase();
            return true;
        }

        db = null!;
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
            await _connection.Value.Result.DisposeAsync();
    }
}
