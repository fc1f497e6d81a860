using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// <c>POST /auth/signin</c> (form with antiforgery token, rate-limited per client address), <c>POST /auth/signout</c>
/// and <c>GET /s/{token}</c>, which opens a share link: a viewer's cookie naming the link, then its page.
/// </summary>
public static class AccessEndpoints
{
    /// <summary>The sign-in page.</summary>
    public const string SignInPage = "/signin";

    /// <summary>Where the sign-in form posts.</summary>
    public const string SignInPath = "/auth/signin";

    /// <summary>Where the sign-out form posts.</summary>
    public const string SignOutPath = "/auth/signout";

    /// <summary>The rate-limiter policy of the sign-in endpoint.</summary>
    public const string SignInRateLimit = "signin";

    /// <summary>The query flag the sign-in page shows "wrong password" for.</summary>
    public const string FailedFlag = "failed";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapHw4Access(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInAsync).RequireRateLimiting(SignInRateLimit);
        endpoints.MapPost(SignOutPath, SignOutAsync);
        endpoints.MapGet(ShareTokens.LinkPrefix + "{token}", OpenShareAsync);
        return endpoints;
    }

    /// <summary>A local path to return to after signing in: <paramref name="url"/> when it is one, else the home page.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 and < 2048 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.StartsWith(SignInPage, StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";

    private static async Task<IResult> SignInAsync(HttpContext http, [FromForm] SignInForm form, AdminCredentials credentials, AccessPolicy policy, ILoggerFactory loggers)
    {
        var back = SafeReturnUrl(form.ReturnUrl);
        if (credentials.EveryoneIsAdmin)
            return Results.Redirect(back);
        if (!credentials.Check(form.Secret))
        {
            // Never the secret itself: only that a try failed, and from where.
            loggers.CreateLogger(typeof(AccessEndpoints)).LogWarning("Refused an admin sign-in from {Address}", http.Connection.RemoteIpAddress);
            return Results.Redirect($"{SignInPage}?{FailedFlag}=1&returnUrl={Uri.EscapeDataString(back)}");
        }

        await http.SignInAsync(AccessClaims.Scheme, AccessClaims.Admin(policy.AdminStamp));
        return Results.Redirect(back);
    }

    // An admin's sign-out ends every admin session, not only this browser's cookie: a copy of it stops working too.
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AccessPolicy policy)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The sign-out form is stale; reload the page and try again.");
        if (policy.Evaluate(http.User).IsAdmin && !policy.Credentials.EveryoneIsAdmin)
            policy.EndAdminSessions();
        await http.SignOutAsync(AccessClaims.Scheme);
        // Where everyone is admin, leaving a share link's view is all a sign-out does: back to the app.
        return Results.Redirect(policy.Credentials.EveryoneIsAdmin ? "/" : SignInPage);
    }

    private static async Task<IResult> OpenShareAsync(string token, HttpContext http, ShareStore shares, AccessPolicy policy)
    {
        // Unknown, revoked and expired links look the same. A browser gets the app's own page saying so (an empty 404
        // is re-executed as the not-found page, which reads the address); a script keeps the JSON problem.
        if (shares.FindByToken(token) is not { } link)
        {
            return AcceptsHtml(http.Request)
                ? Results.NotFound()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This link does not exist, was revoked or has expired.");
        }

        // An admin signed in keeps their sign-in (and sees the full page); anyone else becomes a viewer of this link
        // only, on a loopback server without a password too, where being "admin" is only not having signed in.
        if (!(policy.Evaluate(http.User).IsAdmin && http.User.Identity?.IsAuthenticated == true))
            await http.SignInAsync(AccessClaims.Scheme, AccessClaims.Viewer(link.Id));
        return Results.Redirect("/" + link.TargetPath);
    }

    /// <summary>True for a browser's page load (it asks for HTML), as the not-found page's status-code handling does.</summary>
    public static bool AcceptsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
