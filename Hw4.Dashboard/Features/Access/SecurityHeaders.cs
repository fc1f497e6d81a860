using System.Security.Cryptography;

namespace Hw4.Dashboard.Features.Access;

/// <summary>
/// Headers sent with every response: <c>X-Content-Type-Options: nosniff</c>, a Content-Security-Policy and the
/// framing and referrer policies. Scripts run only from this origin or with the per-request nonce (the import map
/// that <c>&lt;ImportMap&gt;</c> writes inline); styles may be inline because MudBlazor and Plotly set style
/// attributes and inject style elements; images may be data: or blob: URLs (denoise previews, Plotly's PNG download).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "Hw4.CspNonce";

    /// <summary>The Content-Security-Policy for a response whose inline scripts carry <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the <c>nonce</c> attribute of an inline script.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is string nonce)
            return nonce;
        // base64url: its alphabet needs no escaping in an HTML attribute, so the attribute reads exactly as the header
        // (standard base64's '+' came out as "&#x2B;" in the markup, the same value to a browser but not to a reader).
        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>Adds the headers to every response, error pages included (they are set when the response starts).</summary>
    public static IApplicationBuilder UseHw4SecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Nonce(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
