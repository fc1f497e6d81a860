namespace Hw4.Ml.Runs;

/// <summary>
/// The content of <c>notes.json</c>: the user's name, tags and notes for a run. They live in a file of their own, not in
/// run.json, because the trainer rewrites run.json when a run starts and ends; an edit made while it trains would be lost.
/// </summary>
public sealed record RunNotes
{
    /// <summary>
    /// The name the user gave the run, or null for none (readers then make one from the run's settings). This file owns
    /// the name: it is the user's, like the tags, and it must survive the trainer's rewrites of run.json.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Labels (lower-case, as validated by whoever writes them).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Free-form notes; empty when none.</summary>
    public string Notes { get; init; } = "";

    /// <summary>When they were last saved (UTC).</summary>
    public DateTimeOffset UpdatedUtc { get; init; }
}
