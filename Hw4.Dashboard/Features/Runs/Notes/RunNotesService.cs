using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Ml.Runs;
using Microsoft.EntityFrameworkCore;

namespace Hw4.Dashboard.Features.Runs.Notes;

/// <summary>
/// Reads and saves a run's tags and notes. The run folder's notes.json is written first (atomically), so a reindex
/// keeps them; the index row is then updated so the runs list shows them at once.
/// </summary>
public sealed class RunNotesService(
    IDbContextFactory<Hw4DbContext> contexts, RunRepository runs, TimeProvider time, ILogger<RunNotesService> logger)
{
    /// <summary>
    /// The run's current tags and notes from its folder, or null when there is no such run. A damaged notes.json throws
    /// <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public Task<RunNotes?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(runs.TryOpen(runId)?.ReadNotes());
    }

    /// <summary>Validates and saves; on any problem nothing is written and the result says why.</summary>
    public async Task<RunNotesSaveResult> SaveAsync(string runId, IEnumerable<string?> tags, string? notes, CancellationToken cancellationToken = default)
    {
        var validation = RunNotesRules.Validate(tags, notes);
        if (!validation.IsValid)
            return new RunNotesSaveResult(null, validation.Errors);
        if (runs.TryOpen(runId) is not { } dir)
            return RunNotesSaveResult.Failed($"Run '{runId}' was not found.");

        var saved = new RunNotes { Tags = validation.Tags, Notes = validation.Notes, UpdatedUtc = time.GetUtcNow() };
        try
        {
            dir.WriteNotes(saved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RunNotesSaveResult.Failed($"Could not write {dir.NotesPath}: {e.Message}");
        }

        // The folder holds them now (the truth); the index row is a copy for the list, rebuilt from the folder if this fails.
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) is { } row)
            {
                row.Tags = [.. saved.Tags];
                row.Notes = saved.Notes.Length == 0 ? null : saved.Notes;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
        {
            logger.LogWarning(e, "Notes of run {RunId} are saved in its folder; the runs list shows them after the next reindex", runId);
        }

        return new RunNotesSaveResult(saved, []);
    }
}
