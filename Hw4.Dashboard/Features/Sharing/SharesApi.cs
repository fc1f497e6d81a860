using Hw4.Dashboard.Configuration;
using System.Text.Json;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// The share links as a JSON API, admin only (401/403 otherwise, like every change): <c>POST /api/shares</c> makes a
/// link (201 with <c>{"id","url","expiresUtc"}</c>; the URL holds the token, shown this once), <c>GET /api/shares</c>
/// lists the active ones (never a token) and <c>DELETE /api/shares/{id}</c> revokes one. Links are made, listed and
/// revoked by <see cref="ShareStore"/>, as the Share dialog and the Share links page do.
/// </summary>
public static class SharesApi
{
    /// <summary>The API's base path.</summary>
    public const string BasePath = "/api/shares";

    /// <summary>Maps the three endpoints.</summary>
    public static IEndpointRouteBuilder MapSharesApi(this IEndpointRouteBuilder endpoints)
    {
        // As the runs API: JSON only (a cross-site form cannot send it without a preflight), SameOriginGuard first.
        var group = endpoints.MapGroup(BasePath).DisableAntiforgery().RequireAuthorization(AccessClaims.AdminPolicy);
        group.MapPost("", CreateAsync);
        group.MapGet("", List);
        group.MapDelete("/{id}", (string id, ShareStore shares) => Revoke(id, shares));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ShareStore shares)
    {
        if (!request.HasJsonContentType())
            return Results.Problem(detail: "The request body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        ShareRequestBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<ShareRequestBody>(ApiJson.Body, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Results.Problem(detail: $"The request body is not valid at '{Shorten(field)}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (body?.Runs is not { Count: > 0 } runs || runs.Any(r => r is null))
            return Results.Problem(detail: "runs: give the id of one run, or of two or more to compare.", statusCode: StatusCodes.Status400BadRequest);
        var hours = body.Hours ?? ShareRequestBody.DefaultHours;
        if (hours < 1 || hours > ShareStore.MaxLifetime.TotalHours)
            return Results.Problem(detail: $"hours: between 1 and {ShareStore.MaxLifetime.TotalHours:0} (got {hours}).", statusCode: StatusCodes.Status400BadRequest);
        ShareKind kind;
        switch (body.Kind?.Trim().ToLowerInvariant())
        {
            case null: kind = runs.Distinct(StringComparer.Ordinal).Count() == 1 ? ShareKind.Run : ShareKind.Compare; break;
            case "run": kind = ShareKind.Run; break;
            case "compare": kind = ShareKind.Compare; break;
            case "report": kind = ShareKind.Report; break;
            default: return Results.Problem(detail: "kind: run, compare or report.", statusCode: StatusCodes.Status400BadRequest);
        }

        ShareCreated created;
        try
        {
            created = shares.Create(kind, runs, body.Checkpoints, TimeSpan.FromHours(hours));
        }
        catch (ShareRequestException e)
        {
            return Results.Problem(detail: Shorten(e.Message), statusCode: e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Results.Problem(detail: $"No link made: {e.Message}", statusCode: StatusCodes.Status409Conflict);
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{created.Path}";
        return Results.Created($"{BasePath}/{Uri.EscapeDataString(created.Link.Id)}", new ShareMade(created.Link.Id, url, created.Link.ExpiresUtc));
    }

    // A damaged shares.json is said, not listed as "no links".
    private static IResult List(ShareStore shares)
    {
        var active = shares.Active();
        return shares.Problem is { } problem
            ? Results.Problem(detail: problem, statusCode: StatusCodes.Status409Conflict)
            : Results.Ok(active.Select(ShareListing.Of));
    }

    private static IResult Revoke(string id, ShareStore shares)
    {
        try
        {
            return shares.Revoke(id)
                ? Results.Ok(new { id, message = "Revoked; the link now answers 404." })
                : Results.Problem(detail: $"No active link '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Results.Problem(detail: $"Not revoked: {e.Message}", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
