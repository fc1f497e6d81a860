using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Access;

/// <summary>
/// The app bar's Sign in link (not admin) or Sign out button (signed in); where everyone is admin, nothing, except for
/// someone who came by a share link: they see that page read-only, and "Leave the shared view" takes them back to the
/// app (on a loopback server without a password whoever reaches it is admin anyway; the link's view is a preview of
/// what a teammate sees, never a way in).
/// </summary>
public sealed partial class AccountMenu
{
    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private AdminCredentials Credentials { get; set; } = default!;

    private bool ShowSignIn { get; set; }

    private bool ShowSignOut { get; set; }

    private bool ShowLeave { get; set; }

    private bool IsViewer { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var grant = await Access.GetAsync();
        IsViewer = !grant.IsAdmin && !grant.IsAnonymous;
        if (Credentials.EveryoneIsAdmin)
        {
            ShowLeave = IsViewer;
            return;
        }

        ShowSignIn = !grant.IsAdmin;
        ShowSignOut = grant.IsAdmin;
    }
}
