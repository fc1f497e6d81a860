using System.Globalization;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Hw4.Dashboard.Components.Sharing;

/// <summary>
/// Makes a share link: expiry and (for a run) checkpoint download chosen, then the link shown once to copy. Creating
/// needs admin, checked here on the server; a refusal or a failure is shown in the dialog.
/// </summary>
public sealed partial class ShareDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>A run link or a comparison link.</summary>
    [Parameter]
    public ShareKind Kind { get; set; }

    /// <summary>The run, or the compared runs.</summary>
    [Parameter]
    public IReadOnlyList<string> RunIds { get; set; } = [];

    [Inject]
    private ShareStore Shares { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private AdminCredentials Credentials { get; set; } = default!;

    // A server on 127.0.0.1 makes links no other machine can open: the dialog says so rather than promise "anyone".
    private bool LoopbackOnly => Credentials.LoopbackOnly;

    private string What => Kind switch { ShareKind.Run => "run", ShareKind.Report => "report", _ => "comparison" };

    private string AudienceText => LoopbackOnly
        ? $"Whoever opens the link on this computer sees this {What} read-only, and nothing else."
        : $"Anyone with the link sees this {What} read-only, and nothing else.";

    private string LoopbackText =>
        "This server listens on this computer only (loopback), so teammates cannot open the link from theirs. To share, "
        + "start it on a network address with an admin password (README, “Sharing and sign-in”)."
        + (Credentials.EveryoneIsAdmin ? " Opened here, the link shows you the viewer's read-only page; “Leave the shared view” brings the full app back." : "");

    /// <summary>The chosen expiry.</summary>
    public ShareExpiry Expiry { get; set; } = ShareExpiry.Choices[0];

    /// <summary>Whether the viewer may download checkpoints.</summary>
    public bool AllowCheckpoints { get; set; }

    /// <summary>The link made, once made.</summary>
    public ShareCreated? Created { get; private set; }

    /// <summary>Why no link was made.</summary>
    public string? Error { get; private set; }

    private string? CopyNote { get; set; }

    private string LinkUrl => Created is { } c ? Navigation.BaseUri.TrimEnd('/') + c.Path : "";

    /// <summary>Makes the link (admin only).</summary>
    public async Task CreateAsync()
    {
        Error = null;
        if (!await Access.IsAdminAsync())
        {
            Error = IHw4Access.NotAdminMessage;
            return;
        }

        try
        {
            Created = Shares.Create(Kind, RunIds, AllowCheckpoints, Expiry.Lifetime);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Error = $"No link made: {e.Message}";
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", LinkUrl);
            CopyNote = "Copied.";
        }
        catch (JSException)
        {
            CopyNote = "The browser did not allow copying; select the link and copy it.";
        }
    }

    private void Close() => Dialog.Close();

    private static string ExpiryText(ShareLink link) => link.ExpiresUtc is { } e
        ? $"Works until {e.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, or until revoked."
        : "Works until revoked.";
}
