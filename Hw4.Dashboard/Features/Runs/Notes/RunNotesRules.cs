using System.Globalization;

namespace Hw4.Dashboard.Features.Runs.Notes;

/// <summary>
/// What a run's tags and notes may hold. Tags are trimmed and lower-cased, use only a-z, 0-9, '-', '_' and '.', are at
/// most <see cref="MaxTagLength"/> characters, at most <see cref="MaxTags"/> per run, and repeats collapse to one; notes
/// are at most <see cref="MaxNotesLength"/> characters. Tags stay this plain so they filter, sort and appear in file
/// names and URLs without escaping.
/// </summary>
public static class RunNotesRules
{
    /// <summary>Longest tag.</summary>
    public const int MaxTagLength = 32;

    /// <summary>Most tags per run.</summary>
    public const int MaxTags = 16;

    /// <summary>Longest notes text.</summary>
    public const int MaxNotesLength = 10_000;

    /// <summary>Longest run name.</summary>
    public const int MaxNameLength = 80;

    /// <summary>
    /// The name as stored (trimmed, inner runs of white space made one space), null for an empty one (the run's own
    /// name then), or an error message: at most <see cref="MaxNameLength"/> characters, no control characters.
    /// </summary>
    public static (string? Name, string? Error) NormalizeName(string? raw)
    {
        var name = string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
            return (null, null);
        if (name.Any(char.IsControl))
            return (null, "A name cannot hold control characters.");
        if (name.Length > MaxNameLength)
            return (null, $"The name is {name.Length} characters long; the limit is {MaxNameLength}.");
        return (name, null);
    }

    /// <summary>The tag as stored (trimmed, lower-case), or an error message naming it.</summary>
    public static (string? Tag, string? Error) NormalizeTag(string? raw)
    {
        var tag = (raw ?? "").Trim().ToLower(CultureInfo.InvariantCulture);
        if (tag.Length == 0)
            return (null, "A tag cannot be empty.");
        if (tag.Length > MaxTagLength)
            return (null, $"Tag '{Shorten(tag)}' is {tag.Length} characters long; the limit is {MaxTagLength}.");
        if (!tag.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            return (null, $"Tag '{Shorten(tag)}' may only use letters a-z, digits, '-', '_' and '.'.");
        return (tag, null);
    }

    /// <summary>Checks and normalizes a whole set of tags and the notes; every problem gets its own message.</summary>
    public static RunNotesValidation Validate(IEnumerable<string?> tags, string? notes)
    {
        var errors = new List<string>();
        var normalized = new List<string>();
        foreach (var raw in tags)
        {
            var (tag, error) = NormalizeTag(raw);
            if (error is not null)
                errors.Add(error);
            else if (!normalized.Contains(tag!))
                normalized.Add(tag!);
        }

        if (normalized.Count > MaxTags)
            errors.Add($"A run can have at most {MaxTags} tags; {normalized.Count} were given.");
        var text = notes ?? "";
        if (text.Length > MaxNotesLength)
            errors.Add($"Notes are {text.Length:N0} characters long; the limit is {MaxNotesLength:N0}.");
        return new RunNotesValidation(normalized, text, errors);
    }

    private static string Shorten(string tag) => tag.Length <= 40 ? tag : tag[..40] + "…";
}
