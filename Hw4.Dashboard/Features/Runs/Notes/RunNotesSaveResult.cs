using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Notes;

/// <summary>What <see cref="RunNotesService.SaveAsync"/> did.</summary>
/// <param name="Notes">The notes as saved, or null when nothing was saved.</param>
/// <param name="Errors">Why nothing was saved; empty on success.</param>
public sealed record RunNotesSaveResult(RunNotes? Notes, IReadOnlyList<string> Errors)
{
    /// <summary>True when the notes were written.</summary>
    public bool Saved => Notes is not null;

    /// <summary>A failed save with one message.</summary>
    public static RunNotesSaveResult Failed(params string[] errors) => new(null, errors);
}
