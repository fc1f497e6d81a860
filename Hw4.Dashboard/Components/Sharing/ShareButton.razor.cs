using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Hw4.Dashboard.Components.Sharing;

/// <summary>"Share": opens <see cref="ShareDialog"/> for a run or a comparison.</summary>
public sealed partial class ShareButton
{
    /// <summary>A run link or a comparison link.</summary>
    [Parameter, EditorRequired]
    public ShareKind Kind { get; set; }

    /// <summary>The run, or the compared runs.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> RunIds { get; set; } = [];

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private async Task OpenAsync()
    {
        var parameters = new DialogParameters<ShareDialog> { { d => d.Kind, Kind }, { d => d.RunIds, RunIds } };
        await Dialogs.ShowAsync<ShareDialog>(Kind switch { ShareKind.Run => "Share this run", ShareKind.Report => "Share this report", _ => "Share this comparison" }, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
    }
}
