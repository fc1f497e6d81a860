using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Deletes a run: its folder and its index row. Refuses a run that is queued or training here, and one that another
/// live process (a CLI <c>train</c>) owns; any other run can be deleted, whatever state it was left in (interrupted,
/// unreadable, or "running" for a process that is gone).
/// The folder is first renamed to a hidden name (atomic, and hidden folders are not runs), so a failure at any step
/// leaves either the whole run or nothing visible; nothing else in the artifacts folder is touched.
/// </summary>
public sealed class RunDeleter(
    IDbContextFactory<Hw4DbContext> contexts,
    RunQueue queue,
    IOptions<Hw4Options> options,
    ILogger<RunDeleter> logger)
{
    /// <summary>Deletes <paramref name="runId"/>; the result says what happened or why not.</summary>
    public async Task<RunDeleteResult> DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        if (queue.Active?.Job.RunId == runId)
            return new(false, $"Run '{runId}' is training; stop it before deleting it.");
        if (queue.Waiting.Any(w => w.Job.RunId == runId))
            return new(false, $"Run '{runId}' is queued; stop it before deleting it.");
        if (!RunId.IsValid(runId))
            return new(false, $"'{runId}' is not a run id.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var artifactsDir = Path.TrimEndingDirectorySeparator(RunStorePaths.ArtifactsDir(options.Value));
        // The folder comes from the id, never from a stored path: only a direct child of the artifacts folder is deleted.
        var folder = RunStorePaths.RunFolder(options.Value, runId);
        if (row is null && !Directory.Exists(folder))
            return new(false, $"No run '{runId}'.");

        var exists = Directory.Exists(folder);
        if (exists && OwnerElsewhere(folder) is { } owner)
            return new(false, $"Run '{runId}' is training in process {owner.ProcessId} on {owner.Host}; stop it there before deleting it.");

        var hidden = Path.Combine(artifactsDir, $".deleting-{runId}-{Guid.NewGuid():N}");
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
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
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

    // The live process that owns a running run other than this one (which would have it on its queue).
    private static RunOwner? OwnerElsewhere(string folder)
    {
        try
        {
            var record = RunDirectory.Open(folder).ReadRun();
            return record.OwnerElsewhere();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
