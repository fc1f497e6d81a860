using System.Data.Common;
using Hw4.Dashboard.Store;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// The job queue in the PostgreSQL store, shared by every host: a queued run is a row of <c>jobs</c> from queueing to
/// its end. A host claims the oldest waiting row atomically (<c>FOR UPDATE SKIP LOCKED</c>: two hosts claiming at once
/// never get the same run and never wait on each other), heartbeats while it trains, and deletes the row when the run
/// ends. Times are the database's <c>now()</c>, so hosts' clocks need not agree. A holder silent for longer than the
/// heartbeat timeout loses the row (<see cref="ExpireAsync"/>), and its run becomes interrupted.
/// </summary>
public sealed class StoreJobQueue(StoreContextFactory contexts)
{
    // A row as QueryAsync reads it back, in this order.
    private const string Columns = "run_id, kind, queued_at, host, claimed_at, heartbeat_at, stop_requested, attempt";

    /// <summary>
    /// Adds a waiting row for <paramref name="runId"/> unless <paramref name="capacity"/> rows already wait. True when it
    /// is queued (also when it already was: queueing again is harmless, as at start-up recovery on several hosts).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store cannot be reached.</exception>
    public bool Enqueue(string runId, string kind, int capacity, long attempt = 0)
    {
        using var db = contexts.CreatePostgres();
        var connection = Open(db);
        using var command = Command(connection, """
            INSERT INTO jobs (run_id, kind, queued_at, stop_requested, attempt)
            SELECT @run, @kind, now(), false, @attempt
            WHERE (SELECT count(*) FROM jobs WHERE host IS NULL) < @capacity
            ON CONFLICT (run_id) DO NOTHING
            """, ("run", runId), ("kind", kind), ("capacity", capacity), ("attempt", attempt));
        return command.ExecuteNonQuery() == 1 || Exists(connection, runId);
    }

    /// <summary>
    /// Claims the oldest waiting run for <paramref name="host"/>, granting it the next attempt number (the row's
    /// <see cref="JobRow.Attempt"/>); null when none waits.
    /// </summary>
    public async Task<JobRow?> ClaimNextAsync(string host, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreatePostgres();
        return (await QueryAsync(db, $"""
            UPDATE jobs SET host = @host, claimed_at = now(), heartbeat_at = now(), attempt = attempt + 1
            WHERE run_id = (SELECT run_id FROM jobs WHERE host IS NULL AND NOT stop_requested
                            ORDER BY queued_at, run_id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, cancellationToken, ("host", host))).SingleOrDefault();
    }

    /// <summary>Records that <paramref name="host"/> is alive and still holds attempt <paramref name="attempt"/> of <paramref name="runId"/>.</summary>
    public async Task<HeartbeatOutcome> HeartbeatAsync(string runId, string host, long attempt, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreatePostgres();
        var rows = await QueryAsync(db, $"""
            UPDATE jobs SET heartbeat_at = now() WHERE run_id = @run AND host = @host AND attempt = @attempt
            RETURNING {Columns}
            """, cancellationToken, ("run", runId), ("host", host), ("attempt", attempt));
        return rows.Count == 0 ? HeartbeatOutcome.Lost : rows[0].StopRequested ? HeartbeatOutcome.StopRequested : HeartbeatOutcome.Held;
    }

    /// <summary>Asks for <paramref name="runId"/> to stop, from any host: a waiting row is removed, a held one flagged.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be reached.</exception>
    public StopRequestOutcome RequestStop(string runId)
    {
        using var db = contexts.CreatePostgres();
        var connection = Open(db);
        using (var remove = Command(connection, "DELETE FROM jobs WHERE run_id = @run AND host IS NULL", ("run", runId)))
        {
            if (remove.ExecuteNonQuery() == 1)
                return StopRequestOutcome.RemovedWhileWaiting;
        }

        using var flag = Command(connection, "UPDATE jobs SET stop_requested = true WHERE run_id = @run AND host IS NOT NULL", ("run", runId));
        return flag.ExecuteNonQuery() == 1 ? StopRequestOutcome.SignalledHolder : StopRequestOutcome.NotQueued;
    }

    /// <summary>Removes the row of a run that <paramref name="host"/> finished (in whatever status) as attempt <paramref name="attempt"/>.</summary>
    public async Task FinishAsync(string runId, string host, long attempt, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreatePostgres();
        await db.Database.ExecuteSqlAsync($"DELETE FROM jobs WHERE run_id = {runId} AND host = {host} AND attempt = {attempt}", cancellationToken);
    }

    /// <summary>The claimed rows: who holds what, and their last heartbeat as the database last recorded it.</summary>
    public async Task<IReadOnlyList<JobRow>> HeldAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreatePostgres();
        return await QueryAsync(db, $"SELECT {Columns} FROM jobs WHERE host IS NOT NULL", cancellationToken);
    }

    /// <summary>
    /// Removes <paramref name="job"/>'s row if it is still exactly as judged (same holder, attempt and heartbeat): a beat
    /// or a new claim that came meanwhile keeps it. True when it was removed.
    /// </summary>
    public async Task<bool> ExpireAsync(JobRow job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = contexts.CreatePostgres();
        var rows = await QueryAsync(db, $"""
            DELETE FROM jobs WHERE run_id = @run AND host = @host AND attempt = @attempt AND heartbeat_at = @beat
            RETURNING {Columns}
            """, cancellationToken, ("run", job.RunId), ("host", job.Host!), ("attempt", job.Attempt), ("beat", job.HeartbeatAt!.Value));
        return rows.Count == 1;
    }

    /// <summary>Every row, waiting ones in claim order, then the held ones.</summary>
    public async Task<IReadOnlyList<JobRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreatePostgres();
        return await db.Jobs.AsNoTracking().OrderBy(j => j.Host != null).ThenBy(j => j.QueuedAt).ThenBy(j => j.RunId).ToListAsync(cancellationToken);
    }

    private static bool Exists(DbConnection connection, string runId)
    {
        using var command = Command(connection, "SELECT count(*) FROM jobs WHERE run_id = @run", ("run", runId));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static async Task<List<JobRow>> QueryAsync(PostgresHw4DbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(db.Database.GetDbConnection(), sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<JobRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new JobRow
            {
                RunId = reader.GetString(0),
                Kind = reader.GetString(1),
                QueuedAt = reader.GetFieldValue<DateTimeOffset>(2),
                Host = reader.IsDBNull(3) ? null : reader.GetString(3),
                ClaimedAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                HeartbeatAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                StopRequested = reader.GetBoolean(6),
                Attempt = reader.GetInt64(7),
            });
        }

        return rows;
    }

    // The synchronous paths answer a request: an unreachable store is the caller's 503, not a 500.
    private static DbConnection Open(PostgresHw4DbContext db)
    {
        try
        {
            db.Database.OpenConnection();
        }
        catch (Exception e) when (Unreachable(e) is { } cause)
        {
            throw new StoreUnavailableException($"The store (PostgreSQL) cannot be reached: {cause.Message.ReplaceLineEndings(" ")}", e);
        }

        return db.Database.GetDbConnection();
    }

    // The network's or the server's refusal, found also inside the InvalidOperationException in which EF Core's execution
    // strategy wraps a transient failure ("... likely due to a transient failure"): a stopped server answered 500 before.
    private static Exception? Unreachable(Exception? e) => e switch
    {
        null => null,
        DbException or System.Net.Sockets.SocketException or TimeoutException => e,
        _ => Unreachable(e.InnerException),
    };

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new NpgsqlParameter(name, value));
        return command;
    }
}
