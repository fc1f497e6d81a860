using Hw4.Dashboard.Features.Runs.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// The SQLite index of the run folders: migrates the schema, switches the file to WAL (readers do not block the
/// writer while a run is being indexed), rebuilds from the folders and answers the pages' queries.
/// </summary>
public sealed class RunIndex(IDbContextFactory<Hw4DbContext> contexts, TimeProvider time)
{
    /// <summary>Applies pending migrations and turns on WAL journaling.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.GetConnectionString() is { } cs && new SqliteConnectionStringBuilder(cs).DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The journal mode in effect (<c>wal</c> after <see cref="InitializeAsync"/>).</summary>
    public async Task<string> JournalModeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").ToListAsync(cancellationToken)).Single();
    }

    /// <summary>Throws the index away and reads every run folder under <paramref name="runsDir"/>; returns the run count.</summary>
    public async Task<int> RebuildAsync(string runsDir, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var records = RunFolder.Enumerate(runsDir).Select(d => RunFolder.Read(d, now)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
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
        var record = RunFolder.Read(runDirectory, time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Epochs.Where(e => e.RunId == record.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == record.Id).ExecuteDeleteAsync(cancellationToken);
        db.Runs.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>All runs, newest first, without epochs.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>One run with its epochs, or null.</summary>
    public async Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().Include(r => r.Epochs).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        run?.Epochs.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        return run;
    }
}
