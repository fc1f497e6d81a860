using Hw4.Dashboard.Store;
using Hw4.Ml.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// The index of the run folders (SQLite or PostgreSQL): migrates the schema, rebuilds from the folders and answers the
/// pages' queries. On SQLite it switches the file to WAL (readers do not block the writer while a run is being
/// indexed); on PostgreSQL, which several hosts share, a rebuild holds a transaction-scoped advisory lock so two hosts
/// starting together do not interleave their deletes and inserts. The folders are the truth; every row is
/// <see cref="RunRows.From"/> of a folder's <see cref="RunSummary"/>.
/// </summary>
public sealed class RunIndex(IDbContextFactory<Hw4DbContext> contexts, TimeProvider time, Microsoft.Extensions.Options.IOptions<Configuration.Hw4Options> options, ILogger<RunIndex> logger)
{
    /// <summary>
    /// Applies pending migrations and turns on WAL journaling. A file that is not a usable database (corrupt, or some
    /// other file) is moved aside, with a warning, and a new index is made: it is rebuilt from the folders anyway.
    /// Returns the path the damaged file was moved to, or null.
    /// </summary>
    public async Task<string?> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var file = DatabaseFile();
        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        try
        {
            await MigrateAsync(cancellationToken);
            return null;
        }
        catch (SqliteException e) when (file is not null && File.Exists(file))
        {
            SqliteConnection.ClearAllPools();
            var aside = $"{file}.corrupt-{time.GetUtcNow():yyyyMMdd-HHmmss}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(file + suffix))
                    File.Move(file + suffix, aside + suffix, overwrite: true);
            }

            logger.LogWarning("The run index {File} could not be opened ({Reason}); moved it to {Aside} and building a new one from the run folders",
                file, e.Message, aside);
            await MigrateAsync(cancellationToken);
            return aside;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // PostgreSQL: EF takes its own migration lock, so hosts starting together migrate one after the other.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    // The SQLite file, or null (PostgreSQL, or an in-memory SQLite database).
    private string? DatabaseFile()
    {
        using var db = contexts.CreateDbContext();
        return db.Database.IsSqlite() && db.Database.GetConnectionString() is { } cs && new SqliteConnectionStringBuilder(cs).DataSource is { Length: > 0 } file ? file : null;
    }

    // One writer of the whole index at a time across hosts (PostgreSQL); released when the transaction ends.
    private static async Task LockIndexAsync(Hw4DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4104)", cancellationToken);
    }

    /// <summary>The SQLite journal mode in effect (<c>wal</c> after <see cref="InitializeAsync"/>).</summary>
    public async Task<string> JournalModeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").ToListAsync(cancellationToken)).Single();
    }

    /// <summary>Throws the index away and reads every run folder under <paramref name="artifactsDir"/>; returns the run count.</summary>
    public async Task<int> RebuildAsync(string artifactsDir, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var limits = options.Value.RunFiles;
        var records = RunDirectoryReader.ReadAll(artifactsDir, limits).Select(s => RunRows.From(s, now, limits)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockIndexAsync(db, cancellationToken);
        await db.Epochs.ExecuteDeleteAsync(cancellationToken);
        await db.Runs.ExecuteDeleteAsync(cancellationToken);
        db.Runs.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return records.Count;
    }

    /// <summary>Re-reads one run folder (after a run ends or a new folder appears) and replaces its row.</summary>
    public async Task UpsertAsync(string runDirectory, CancellationToken cancellationToken = default)
    {
        var limits = options.Value.RunFiles;
        var record = RunRows.From(RunDirectoryReader.Read(runDirectory, limits), time.GetUtcNow(), limits);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockIndexAsync(db, cancellationToken);
        await db.Epochs.Where(e => e.RunId == record.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == record.Id).ExecuteDeleteAsync(cancellationToken);
        db.Runs.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>All runs, newest first, without epochs.</summary>
    public async Task<IReadOnlyList<RunRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>One run with its epochs, or null.</summary>
    public async Task<RunRow?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().Include(r => r.Epochs).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        run?.Epochs.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        return run;
    }
}
