using System.Reflection;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Authorization;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// Which pages a grant may open. Admin: all. Anyone: pages marked <c>[AllowAnonymous]</c> (sign-in, error). A viewer:
/// the page marked <see cref="SharedViewAttribute"/> for their link's kind, showing only the link's runs. Everything
/// else: sign in first (anonymous) or not found (a viewer).
/// </summary>
public static class PageAccess
{
    /// <summary>The decision for <paramref name="pageType"/> with its route values and the page's query.</summary>
    public static PageDecision Decide(AccessGrant grant, Type pageType, IReadOnlyDictionary<string, object?> routeValues, string query)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(pageType);
        ArgumentNullException.ThrowIfNull(routeValues);
        if (grant.IsAdmin || pageType.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            return PageDecision.Allow;
        var allowed = pageType.GetCustomAttribute<SharedViewAttribute>()?.Kind switch
        {
            ShareKind.Run => routeValues.TryGetValue("Id", out var id) && id is string runId && grant.CanViewRun(runId),
            ShareKind.Compare => grant.CanViewComparison(CompareIds(query)),
            _ => false,
        };
        if (allowed)
            return PageDecision.Allow;
        return grant.IsAnonymous ? PageDecision.SignIn : PageDecision.NotFound;
    }

    // The "runs" query value: comma-separated run ids (as the Compare page reads it).
    private static List<string> CompareIds(string query)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return values.TryGetValue("runs", out var runs)
            ? [.. runs.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)]
            : [];
    }
}
