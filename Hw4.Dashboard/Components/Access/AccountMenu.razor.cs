using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Access;

/// <summary>The app bar's Sign in link (not admin) or Sign out button (signed in); nothing where everyone is admin.</summary>
public sealed partial class AccountMenu
{
    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private AdminCredentials Credentials { get; set; } = default!;

    private bool ShowSignIn { get; set; }

    private bool ShowSignOut { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        if (Credentials.EveryoneIsAdmin)
            return;
        var grant = await Access.GetAsync();
        ShowSignIn = !grant.IsAdmin;
        ShowSignOut = grant.IsAdmin;
    }
}
