using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Ml.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Deletes a run: its folder and its index row. Refuses a run that is queued or training here, and one whose folder
/// another process (a CLI <c>train</c>) wrote to in the last <see cref="ActiveWindow"/> while it says "running".
/// The folder is first renamed to a hidden name (atomic, and hidden folders are not runs), so a failure at any step
/// leaves either the whole run or nothing visible; nothing else in the runs folder is touched.
/// </summary>
public sealed class RunDeleter(
    IDbContextFactory<Hw4DbContext> contexts,
    RunQueue queue,
    IOptions<Hw4Options> options,
    TimeProvider time,
    ILogger<RunDeleter> logger)
{
    /// <summary>How recently a "running" run's files must have changed for it to count as trained elsewhere.</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromMinutes(10);

    /// <summary>Deletes <paramref name="runId"/>; the result says what happened or why not.</summary>
    public async Task<RunDeleteResult> DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (queue.Active?.Job.RunId == runId)
            return new(false, $"Run '{runId}' is training; stop it before deleting it.");
        if (queue.Waiting.Any(w => w.Job.RunId == runId))
            return new(false, $"Run '{runId}' is queued; stop it before deleting it.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (row is null)
            return new(false, $"Run '{runId}' is not in the index.");

        var runsDir = Path.TrimEndingDirectorySeparator(RunStorePaths.RunsDir(options.Value));
        var folder = Path.GetFullPath(row.Directory);
        // Only ever delete a direct child of the configured runs folder named after the run.
        if (!RunId.IsValid(runId) || !string.Equals(Path.GetDirectoryName(folder), runsDir, StringComparison.Ordinal)
            || Path.GetFileName(folder) != runId)
            return new(false, $"Run '{runId}': its folder {folder} is not inside the runs folder {runsDir}; not deleting it.");

        var exists = Directory.Exists(folder);
        if (exists && row.Status is "running" or "queued" && LastWrite(folder) is { } last && time.GetUtcNow() - last < ActiveWindow)
            return new(false, $"Run '{runId}' says {row.Status} and its files changed {(time.GetUtcNow() - last).TotalMinutes:0} min ago; "
                + "it may be training in another process. Stop it (or wait) before deleting it.");

        var hidden = Path.Combine(runsDir, $".deleting-{runId}-{Guid.NewGuid():N}");
        if (exists)
        {
            try
            {
                Directory.Move(folder, hidden);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new(false, $"Could not delete {folder}: {e.Message}");
            }
        }

        try
        {
            await db.Epochs.Where(e => e.RunId == runId).ExecuteDeleteAsync(cancellationToken);
            await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or DbUpdateException or InvalidOperationException)
        {
            if (exists)
                Directory.Move(hidden, folder);
            return new(false, $"Could not remove run '{runId}' from the index ({e.Message}); its folder was kept.");
        }

        if (!exists)
            return new(true, $"Removed run '{runId}' from the index (its folder was already gone).");
        try
        {
            Directory.Delete(hidden, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Deleting {Folder} failed", hidden);
            return new(true, $"Deleted run '{runId}', but some files are left in {hidden}: {e.Message}");
        }

        return new(true, $"Deleted run '{runId}'.");
    }

    private static DateTimeOffset? LastWrite(string folder)
    {
        var times = new[] { RunDirectory.RunFile, RunDirectory.MetricsFile }
            .Select(f => Path.Combine(folder, f)).Where(File.Exists)
            .Select(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)).ToList();
        return times.Count == 0 ? null : times.Max();
    }
}
