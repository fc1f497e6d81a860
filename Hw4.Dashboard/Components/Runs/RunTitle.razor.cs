using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Runs.Notes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// A run page's heading: the run's readable name (the id stays in the address and is shown beside it) and, for the
/// admin, Rename. A rename ends visibly: "Name saved.", or why not, under the heading; an empty name goes back to the
/// one made from the run's settings.
/// </summary>
public sealed partial class RunTitle
{
    /// <summary>The run.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>The name shown (the user's, or the default).</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    /// <summary>The name made from the run's settings (what an empty name goes back to).</summary>
    [Parameter]
    public string? DefaultName { get; set; }

    /// <summary>Called with the new name after a rename was saved.</summary>
    [Parameter]
    public EventCallback<string> Renamed { get; set; }

    [Inject]
    private RunNotesService Notes { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>True for the admin: the name can be changed.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The field is open.</summary>
    public bool Editing { get; private set; }

    /// <summary>The name being typed.</summary>
    public string? Draft { get; set; }

    /// <summary>"Name saved." after a rename.</summary>
    public string? Saved { get; private set; }

    /// <summary>Why the last rename was refused.</summary>
    public string? Error { get; private set; }

    private bool Saving { get; set; }

    private string HelperText => $"Up to {RunNotesRules.MaxNameLength} characters; empty gives it back its own name{(DefaultName is { } d ? $" ({d})" : "")}.";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => CanEdit = await Access.IsAdminAsync();

    private void StartEditing()
    {
        (Editing, Draft, Saved, Error) = (true, Name == DefaultName ? "" : Name, null, null);
    }

    private void Cancel() => (Editing, Error) = (false, null);

    /// <summary>Saves the typed name (notes.json, then the index) and says what happened.</summary>
    public async Task SaveAsync()
    {
        Saved = null;
        if (!await Access.IsAdminAsync())
        {
            Error = $"Not renamed: {IHw4Access.NotAdminMessage}";
            return;
        }

        Saving = true;
        try
        {
            var result = await Notes.SaveNameAsync(RunId, Draft);
            if (result.Notes is not { } saved)
            {
                Error = $"Not renamed: {string.Join(" ", result.Errors)}";
                return;
            }

            var name = saved.Name ?? DefaultName ?? RunId;
            (Editing, Error, Saved) = (false, null, saved.Name is null ? $"Name saved: back to its own name, {name}." : "Name saved.");
            await Renamed.InvokeAsync(name);
        }
        finally
        {
            Saving = false;
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
            await SaveAsync();
        else if (e.Key == "Escape")
            Cancel();
    }
}
