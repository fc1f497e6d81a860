using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Store;
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
/// leaves either the whole run or nothing visible; nothing else in the artifacts folder is touched. Once the run is
/// gone, every share link naming it is revoked (a later folder of the same id is another run, which no old link shows).
/// Messages name the run, never a server path.
/// </summary>
public sealed class RunDeleter(
    IDbContextFactory<Hw4DbContext> contexts,
    RunQueue queue,
    Sharing.ShareStore shares,
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
                logger.LogWarning(e, "Moving {Folder} aside to delete it failed", folder);
                return new(false, $"Could not delete run '{runId}': its folder could not be moved aside (the server log has the reason); nothing was deleted.");
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

        var revoked = RevokeLinks(runId);
        if (!exists)
            return new(true, $"Removed run '{runId}' from the index (its folder was already gone).{revoked}");
        try
        {
            Directory.Delete(hidden, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Deleting {Folder} failed", hidden);
            return new(true, $"Deleted run '{runId}', but some files are left in {Path.GetFileName(hidden)} in the artifacts folder (the server log has the reason).{revoked}");
        }

        return new(true, $"Deleted run '{runId}'.{revoked}");
    }

    // The run is gone: no link may show it, nor a later run of the same id. Said in the result when any was revoked.
    private string RevokeLinks(string runId)
    {
        try
        {
            var count = shares.RevokeRun(runId);
            return count == 0 ? "" : $" Its {count} share link(s) were revoked.";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A damaged shares.json already stops every link; the identity check keeps them from a later run too.
            logger.LogWarning("Share links of deleted run {RunId} could not be revoked: {Reason}", runId, e.Message);
            return " Its share links could not be revoked (shares.json cannot be changed), but none shows a run of this id again.";
        }
    }

    // The live process that owns a running run other than this one (which would have it on its queue).
    private RunOwner? OwnerElsewhere(string folder)
    {
        try
        {
            var record = RunDirectory.Open(folder, options.Value.RunFiles).ReadRun();
            return record.OwnerElsewhere();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
