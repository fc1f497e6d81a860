using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace Hw4.Dashboard.Components.Pages.NotFound;

/// <summary>
/// The app's 404 page, worded for who is reading it and what they opened: a dead share link (revoked, expired, never
/// made), a page whose link was revoked while it was open, another page than the one a link shows, or an address
/// that matches nothing. Only the admin is offered the app's pages; a link's holder could open none of them.
/// </summary>
public sealed partial class NotFound
{
    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private string Heading { get; set; } = "Page not found";

    private string Explanation { get; set; } = "There is nothing at this address.";

    private bool ListsPages { get; set; }

    private string? OwnPage { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var grant = await Access.GetAsync();
        // The address asked for: while the server re-executes a 404 as this page, the original one; in the circuit, the tab's.
        var path = HttpContext?.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? new Uri(Navigation.Uri).AbsolutePath;
        ListsPages = grant.IsAdmin;
        OwnPage = null;
        if (path.StartsWith(ShareTokens.LinkPrefix, StringComparison.Ordinal))
        {
            (Heading, Explanation) = ("Link not available",
                "This share link was revoked, has expired, or never existed. Ask whoever shared it for a new one.");
        }
        else if (grant.HeldLink)
        {
            (Heading, Explanation) = ("No longer shared",
                "The link you opened was revoked or has expired, so this page is no longer shown to you. Ask whoever shared it for a new link.");
        }
        else if (grant.Share is { } link)
        {
            (Heading, Explanation) = ("Page not found", "There is nothing for you at this address: a share link shows one page.");
            OwnPage = "/" + link.TargetPath;
        }
        else
        {
            (Heading, Explanation) = ("Page not found",
                grant.IsAdmin ? "There is nothing at this address. It may be mistyped, or a run that was deleted." : "There is nothing at this address.");
        }
    }
}
