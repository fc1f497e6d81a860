using Hw4.Dashboard.Store;
using Hw4.Ml.Runs;
using Microsoft.EntityFrameworkCore;
using Hw4.Dashboard.Features.Models;

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

        return await WriteAsync(runId, dir, current => current with { Tags = validation.Tags, Notes = validation.Notes }, cancellationToken);
    }

    /// <summary>
    /// Renames the run: <paramref name="name"/> trimmed, or, when empty, back to the name made from its settings. On a
    /// refused name nothing is written and the result says why; the tags and notes are kept as they are.
    /// </summary>
    public async Task<RunNotesSaveResult> SaveNameAsync(string runId, string? name, CancellationToken cancellationToken = default)
    {
        var (normalized, error) = RunNotesRules.NormalizeName(name);
        if (error is not null)
            return RunNotesSaveResult.Failed(error);
        if (runs.TryOpen(runId) is not { } dir)
            return RunNotesSaveResult.Failed($"Run '{runId}' was not found.");
        return await WriteAsync(runId, dir, current => current with { Name = normalized }, cancellationToken);
    }

    // notes.json read, changed and written whole (atomically), so a rename keeps the tags and a notes save keeps the name.
    private async Task<RunNotesSaveResult> WriteAsync(string runId, RunDirectory folder, Func<RunNotes, RunNotes> change, CancellationToken cancellationToken)
    {
        RunNotes saved;
        try
        {
            saved = change(folder.ReadNotes()) with { UpdatedUtc = time.GetUtcNow() };
            folder.WriteNotes(saved);
        }
        catch (InvalidDataException e)
        {
            return RunNotesSaveResult.Failed($"{e.Message} Fix or remove it first.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Named relative to the artifacts folder; the OS's message may hold the server path, so it goes to the log only.
            logger.LogWarning(e, "Writing the notes of run {RunId} failed", runId);
            return RunNotesSaveResult.Failed($"Could not write {runId}/{RunDirectory.NotesFile}; nothing was saved (the server log has the reason).");
        }

        // The folder holds them now (the truth); the index row is a copy for the list, rebuilt from the folder if this fails.
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) is { } row)
            {
                row.Name = RunName.Of(saved.Name, ReadRecord(folder), runId);
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

    // For the name made from the settings; a damaged run.json leaves the id as the name, as a reindex would.
    private static RunRecord? ReadRecord(RunDirectory folder)
    {
        try
        {
            return folder.ReadRun();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
