using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Access;

/// <summary>
/// Wraps the routed page and shows it only when <see cref="PageAccess"/> allows it for this user: on the first request
/// (prerendering, where a refusal becomes a redirect to sign-in or the not-found page with status 404) and on every
/// navigation in the circuit, so a viewer cannot reach another page by navigating from the browser's side either.
/// (<c>NavigationManager.NotFound()</c> is not used: called here while prerendering, the request never finished.)
/// A viewer's page is checked again when their link is revoked or expires, so an open tab stops showing the run then.
/// </summary>
public sealed partial class AccessGate : IDisposable
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

    [Inject]
    private ShareStore Shares { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private ShareLinkWatch? _watch;

    private PageDecision? Decision { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        Decision = null;
        var grant = await Access.GetAsync();
        WatchLink(grant.Share);
        var decision = PageAccess.Decide(grant, RouteData.PageType, RouteData.RouteValues, new Uri(Navigation.Uri).Query);
        if (decision == PageDecision.SignIn)
        {
            var back = Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo($"signin?returnUrl={Uri.EscapeDataString("/" + back)}", forceLoad: true);
            return;
        }

        if (decision == PageDecision.NotFound && HttpContext is { Response.HasStarted: false } http)
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        Decision = decision;
    }

    /// <inheritdoc />
    public void Dispose() => _watch?.Dispose();

    // Only while the page is live in a circuit: a prerendered response is over before a link could change.
    private void WatchLink(ShareLink? link)
    {
        _watch?.Dispose();
        _watch = link is null || HttpContext is not null
            ? null
            : new ShareLinkWatch(Shares, Time, link, () => _ = InvokeAsync(async () =>
            {
                await OnParametersSetAsync();
                StateHasChanged();
            }));
    }
}
