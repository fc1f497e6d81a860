namespace Hw4.Dashboard.Hosting;

/// <summary>
/// Refuses cross-site requests that could change state or drive the UI: a browser on another site (a page the user
/// visits) can send a form or <c>text/plain</c> POST to <c>/api/…</c>, or open the Blazor circuit's or the hub's
/// WebSocket, without any preflight. Browsers always name the page's origin in <c>Origin</c> on such requests (and mark
/// them <c>Sec-Fetch-Site: cross-site</c>), so a request whose origin is not this server's own is answered 403 with a
/// problem body. Requests with no <c>Origin</c> at all (curl, scripts, the .NET SignalR client) are not from a browser
/// page and pass.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next, ILogger<SameOriginGuard> logger)
{
    /// <summary>Checks the request, then calls the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Guarded(request) || IsSameOrigin(request))
            return next(context);

        logger.LogWarning("Refused a cross-site {Method} {Path} from origin {Origin}", request.Method, request.Path, Shorten(request.Headers.Origin.ToString()));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: "This request came from a page on another site; only this server's own pages may change runs.").ExecuteAsync(context);
    }

    // State changes (anything but GET/HEAD/OPTIONS) and the two WebSocket endpoints; GETs of pages and files are read-only.
    private static bool Guarded(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        || request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments(Features.Streaming.RunsHub.Path);

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return !string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
