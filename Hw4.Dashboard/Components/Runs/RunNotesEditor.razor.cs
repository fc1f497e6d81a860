using System.Globalization;
using Hw4.Dashboard.Features.Runs.Notes;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Edits one run's tags and notes. Every Save ends visibly: "Saved at …", or why nothing was saved, beside the button;
/// a refused tag is never shown as added; leaving the page with unsaved edits asks first.
/// </summary>
public sealed partial class RunNotesEditor
{
    /// <summary>The run whose notes are edited.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    [Inject]
    private RunNotesService Service { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>True for a viewer: the notes and tags are shown, not edited.</summary>
    public bool ReadOnly { get; private set; }

    private IReadOnlyList<string> _savedTags = [];
    private string _savedNotes = "";

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

    /// <summary>Why the stored notes could not be read (a damaged notes.json); editing is off then.</summary>
    public string? LoadError { get; private set; }

    /// <summary>True when the tags, the notes or the tag field differ from what was last loaded or saved.</summary>
    public bool IsDirty => !Tags.SequenceEqual(_savedTags) || (NotesText ?? "") != _savedNotes || !string.IsNullOrWhiteSpace(NewTag);

    private bool Saving { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        Errors = [];
        TagError = null;
        SavedNote = null;
        LoadError = null;
        ReadOnly = !await Access.IsAdminAsync();
        RunNotes? notes = null;
        try
        {
            notes = await Service.GetAsync(RunId);
        }
        catch (InvalidDataException e)
        {
            LoadError = $"{e.Message} Tags and notes cannot be edited until it is fixed or removed.";
        }

        NotFound = notes is null && LoadError is null;
        Tags = notes?.Tags.ToList() ?? [];
        NotesText = notes?.Notes ?? "";
        MarkSaved(Tags, NotesText);
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

    /// <summary>
    /// Saves tags and notes; a tag still in the field is added first so it is not silently dropped. When that tag is
    /// refused nothing is saved, and the reason is shown beside the button as well as at the field.
    /// </summary>
    public async Task SaveAsync()
    {
        SavedNote = null;
        if (!await Access.IsAdminAsync())
        {
            Errors = [$"Not saved: {IHw4Access.NotAdminMessage}"];
            return;
        }

        if (!string.IsNullOrWhiteSpace(NewTag))
        {
            AddTag();
            if (TagError is not null)
            {
                Errors = [$"Not saved: {TagError} Fix or clear the tag field, then save again."];
                return;
            }
        }

        Saving = true;
        try
        {
            var result = await Service.SaveAsync(RunId, Tags, NotesText);
            Errors = result.Errors;
            if (result.Notes is { } saved)
            {
                Tags = saved.Tags.ToList();
                MarkSaved(Tags, saved.Notes);
                SavedNote = $"Saved at {saved.UpdatedUtc.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}.";
            }
            else
            {
                Errors = [.. result.Errors.Select(e => $"Not saved: {e}")];
            }
        }
        finally
        {
            Saving = false;
        }
    }

    private void MarkSaved(IReadOnlyList<string> tags, string? notes)
    {
        _savedTags = [.. tags];
        _savedNotes = notes ?? "";
    }

    // Leaving with unsaved edits asks first (the browser's own dialog for reloads and other sites).
    private async Task OnBeforeInternalNavigationAsync(LocationChangingContext context)
    {
        if (IsDirty && !await Js.InvokeAsync<bool>("confirm", "Tags or notes of this run are not saved. Leave anyway?"))
            context.PreventNavigation();
    }

    private void OnTagKeyDown(KeyboardEventArgs e)
    {
        if (e.Key is "Enter")
            AddTag();
    }
}
