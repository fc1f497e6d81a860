using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Access;

/// <summary>
/// Wraps the routed page and shows it only when <see cref="PageAccess"/> allows it for this user: on the first request
/// (prerendering, where a refusal becomes a redirect to sign-in or a 404) and on every navigation in the circuit,
/// so a viewer cannot reach another page by navigating from the browser's side either.
/// </summary>
public sealed partial class AccessGate
{
    /// <summary>The route being shown.</summary>
    [Parameter, EditorRequired]
    public Microsoft.AspNetCore.Components.RouteData RouteData { get; set; } = default!;

    /// <summary>The page.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool Allowed { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        Allowed = false;
        var grant = await Access.GetAsync();
        var uri = new Uri(Navigation.Uri);
        switch (PageAccess.Decide(grant, RouteData.PageType, RouteData.RouteValues, uri.Query))
        {
            case PageDecision.Allow:
                Allowed = true;
                break;
            case PageDecision.SignIn:
                var back = Navigation.ToBaseRelativePath(Navigation.Uri);
                Navigation.NavigateTo($"signin?returnUrl={Uri.EscapeDataString("/" + back)}", forceLoad: true);
                break;
            default:
                Navigation.NotFound();
                break;
        }
    }
}
