using StackExchange.Redis;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>
/// The test Redis server that <c>scripts/test-services.sh</c> starts (and <c>.ci/run</c> with it): <c>HW4_TEST_REDIS</c>,
/// else <see cref="DefaultServer"/>. Tests keep apart by their runs' ids (every key and channel Hw4 uses names a run or
/// a process). An unreachable server fails the test with what to run, never skips it.
/// </summary>
public static class RedisTestServer
{
    /// <summary>The server <c>scripts/test-services.sh</c> sets up.</summary>
    public const string DefaultServer = "127.0.0.1:6379";

    /// <summary>The configuration string to pass as <c>Hw4:Redis</c>.</summary>
    public static string Configuration => Environment.GetEnvironmentVariable("HW4_TEST_REDIS") is { Length: > 0 } s ? s : DefaultServer;

    /// <summary>A connection to it; throws naming the server and the fix when it does not answer.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(Configuration);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException(
                $"The Redis test server is not reachable at '{Configuration}' ({e.Message}). " +
                "Start it with `bash scripts/test-services.sh start` (as .ci/run does) or point HW4_TEST_REDIS at one.", e);
        }
    }
}
