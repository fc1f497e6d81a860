using System.Globalization;
using Hw4.Dashboard.Features.Runs.Notes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>Edits one run's tags and notes; problems are shown inline and nothing is saved until they are fixed.</summary>
public sealed partial class RunNotesEditor
{
    /// <summary>The run whose notes are edited.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    [Inject]
    private RunNotesService Service { get; set; } = default!;

    /// <summary>The tags being edited (normalized).</summary>
    public List<string> Tags { get; private set; } = [];

    /// <summary>The tag text field.</summary>
    public string? NewTag { get; set; }

    /// <summary>The notes text field.</summary>
    public string? NotesText { get; set; }

    /// <summary>Why the typed tag was not added, or null.</summary>
    public string? TagError { get; private set; }

    /// <summary>Why the last save failed; empty otherwise.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>"Saved at …" after a successful save.</summary>
    public string? SavedNote { get; private set; }

    /// <summary>True when the run does not exist.</summary>
    public bool NotFound { get; private set; }

    private bool Saving { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var notes = await Service.GetAsync(RunId);
        NotFound = notes is null;
        Tags = notes?.Tags.ToList() ?? [];
        NotesText = notes?.Notes ?? "";
        Errors = [];
        TagError = null;
        SavedNote = null;
    }

    /// <summary>Adds the typed tag(s) (commas or spaces separate several); a bad one stays in the field with its message.</summary>
    public void AddTag()
    {
        TagError = null;
        var rejected = new List<string>();
        foreach (var raw in (NewTag ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var (tag, error) = RunNotesRules.NormalizeTag(raw);
            if (error is not null)
            {
                TagError ??= error;
                rejected.Add(raw);
            }
            else if (Tags.Contains(tag!))
            {
                // Already there: adding it again changes nothing.
            }
            else if (Tags.Count >= RunNotesRules.MaxTags)
            {
                TagError ??= $"A run can have at most {RunNotesRules.MaxTags} tags.";
                rejected.Add(raw);
            }
            else
            {
                Tags.Add(tag!);
            }
        }

        NewTag = string.Join(' ', rejected);
    }

    /// <summary>Removes a tag (not saved until Save).</summary>
    public void RemoveTag(MudChip<string> chip) => Tags.Remove(chip.Value ?? "");

    /// <summary>Saves tags and notes; a tag still in the field is added first so it is not silently dropped.</summary>
    public async Task SaveAsync()
    {
        if (!string.IsNullOrWhiteSpace(NewTag))
        {
            AddTag();
            if (TagError is not null)
                return;
        }

        Saving = true;
        try
        {
            var result = await Service.SaveAsync(RunId, Tags, NotesText);
            Errors = result.Errors;
            if (result.Notes is { } saved)
            {
                Tags = saved.Tags.ToList();
                SavedNote = $"Saved at {saved.UpdatedUtc.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}.";
            }
            else
            {
                SavedNote = null;
            }
        }
        finally
        {
            Saving = false;
        }
    }

    private void OnTagKeyDown(KeyboardEventArgs e)
    {
        if (e.Key is "Enter")
            AddTag();
    }
}
