namespace Hw4.Testing.Servers;

/// <summary>
/// One PostgreSQL and one Redis server for every test of a test process that only needs a database or a Redis (each
/// test makes its own database, or keeps to keys named after its own runs): started by the first test that asks, so a
/// run that needs neither starts neither, and ended with the process (<see cref="ServerSupervisor"/>). xUnit 2 has no
/// assembly fixture; this is the one process-wide state of the tests, and it is set once. No test stops these: a test
/// that stops or restarts a server starts its own (<see cref="PostgresServer.StartNewAsync"/>,
/// <see cref="RedisServer.StartNewAsync"/>). <see cref="PostgresVariable"/> and <see cref="RedisVariable"/> point the
/// tests at servers of the developer's choosing instead.
/// </summary>
public static class SharedServers
{
    /// <summary>An Npgsql connection string (a superuser, database <c>postgres</c>) that replaces the shared PostgreSQL server.</summary>
    public const string PostgresVariable = "HW4_TEST_POSTGRES";

    /// <summary>A StackExchange.Redis configuration string that replaces the shared Redis server.</summary>
    public const string RedisVariable = "HW4_TEST_REDIS";

    private static readonly Lazy<Task<PostgresServer>> Postgres = new(PostgresServer.StartNewAsync);
    private static readonly Lazy<Task<RedisServer>> Redis = new(RedisServer.StartNewAsync);

    /// <summary>
    /// The connection string of the shared PostgreSQL server (its <c>postgres</c> database, as a superuser):
    /// <see cref="PostgresVariable"/>, else the server this process started. Skips the test where PostgreSQL is not
    /// installed.
    /// </summary>
    public static async Task<string> PostgresAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } configured)
            return configured;
        Prerequisite.PostgreSql.Require();
        return (await Postgres.Value).ConnectionString;
    }

    /// <summary>
    /// The configuration string of the shared Redis server: <see cref="RedisVariable"/>, else the server this process
    /// started. Skips the test where <c>redis-server</c> is not installed.
    /// </summary>
    public static async Task<string> RedisAsync()
    {
        if (Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } configured)
            return configured;
        Prerequisite.Redis.Require();
        return (await Redis.Value).Configuration;
    }
}
