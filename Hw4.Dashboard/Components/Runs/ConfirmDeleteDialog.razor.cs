using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>Asks before a run is deleted; closes with <c>true</c> on Delete, cancelled otherwise.</summary>
public sealed partial class ConfirmDeleteDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The run to delete.</summary>
    [Parameter]
    public string RunId { get; set; } = "";

    /// <summary>Its folder, named so the user sees what goes.</summary>
    [Parameter]
    public string Folder { get; set; } = "";

    private void Confirm() => Dialog.Close(DialogResult.Ok(true));

    private void Cancel() => Dialog.Cancel();
}
