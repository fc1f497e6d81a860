using Hw4.Dashboard.Configuration;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.IO;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// The JSON API for scripts and tests: queue a training run, read its status, stop, resume or delete it. Runs go
/// through the same <see cref="TrainingLauncher"/> and queue as the Train page; live events come from the
/// <c>/hubs/runs</c> hub. Every call that changes something needs admin (the "Admin" policy: 401 otherwise); reading a
/// status needs admin or a share link naming the run (404 otherwise, as for a run that does not exist).
/// </summary>
public static class RunsApi
{
    /// <summary>The API's base path.</summary>
    public const string BasePath = "/api/runs";

    /// <summary>The run page of <paramref name="id"/>.</summary>
    public static string PagePath(string id) => $"/runs/{Uri.EscapeDataString(id)}";

    /// <summary>The status endpoint of <paramref name="id"/>.</summary>
    public static string StatusPath(string id) => $"{BasePath}/{Uri.EscapeDataString(id)}";

    /// <summary>
    /// Maps <c>POST /api/runs</c>, <c>GET /api/runs/{id}</c>, <c>POST /api/runs/{id}/stop</c>,
    /// <c>POST /api/runs/{id}/resume</c> and <c>DELETE /api/runs/{id}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        // Antiforgery tokens are for forms; a cross-site page cannot send this API's JSON without a preflight, and
        // SameOriginGuard refuses a foreign Origin before the admin check.
        var group = endpoints.MapGroup(BasePath).DisableAntiforgery();
        group.MapGet("/{id}", Get);
        var admin = group.MapGroup("").RequireAuthorization(AccessClaims.AdminPolicy);
        admin.MapPost("", StartAsync);
        admin.MapPost("/{id}/stop", (string id, RunStopper stopper) => Infrastructure(() => Answer(id, stopper.Stop(id))));
        admin.MapPost("/{id}/resume", (string id, TrainingLauncher launcher) => Infrastructure(() => Answer(id, launcher.Resume(id))));
        admin.MapDelete("/{id}", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, TrainingLauncher launcher)
    {
        // A body must be JSON: a form or text/plain body is what a page on another site can send without asking.
        if (request.ContentType is { Length: > 0 } && !request.HasJsonContentType())
            return Results.Problem(detail: "The request body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        TrainRunBody? body;
        try
        {
            // Read by hand rather than bound, so a malformed field gets a message naming it instead of an empty 400.
            body = request.ContentLength == 0 ? new TrainRunBody() : await request.ReadFromJsonAsync<TrainRunBody>(ApiJson.Body, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            var unknown = e.Message.Contains("could not be mapped", StringComparison.Ordinal);
            var message = unknown ? $"{field}: unknown field." : $"{field}: not valid JSON for this field.";
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [Shorten(field)] = [Shorten(message)] },
                detail: unknown ? "The request body has a field this API does not take." : $"The request body is not valid at '{Shorten(field)}'.");
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (settings, errors) = (body ?? new TrainRunBody()).Validate();
        if (settings is null)
            return Results.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(m => m)));

        return Infrastructure(() =>
        {
            string? runId;
            string? error;
            try
            {
                (runId, error) = launcher.Launch(settings);
            }
            catch (ArgumentException e)
            {
                // The trainer's own validation (TrainerOptions.Validate) is the last word; its message names the option.
                return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
            }

            return runId is null
                ? Results.Problem(detail: error, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Accepted(StatusPath(runId), RunAccepted.For(runId));
        });
    }

    // What the machine refuses, not the request: a problem with the reason (JSON, as every answer of this API), never
    // the HTML error page. Nothing was left half done (the launcher removes a folder it could not queue).
    private static IResult Infrastructure(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (StoreUnavailableException e)
        {
            return new RetryAfter(Results.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable"));
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            return Results.Problem(detail: $"The artifacts folder's disk is full: {e.Message}", statusCode: StatusCodes.Status507InsufficientStorage,
                title: "Insufficient storage");
        }
    }

    private static IResult Get(string id, RunStatusReader reader, AccessPolicy access, HttpContext http) =>
        access.Evaluate(http.User).CanFollowRun(id) && reader.Read(id) is { } status
            ? Results.Ok(status)
            : Results.Problem(detail: $"No run '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> DeleteAsync(string id, RunDeleter deleter, RunStatusReader reader, HttpContext http)
    {
        if (reader.Read(id) is null)
            return Results.Problem(detail: $"No run '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound);
        var result = await deleter.DeleteAsync(id, http.RequestAborted);
        return result.Deleted
            ? Results.Ok(new { id, message = result.Message })
            : Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult Answer(string id, RunCommandResult result) => result switch
    {
        { IsAccepted: true } => Results.Accepted(StatusPath(id), RunAccepted.For(id)),
        { StatusCode: StatusCodes.Status503ServiceUnavailable } =>
            new RetryAfter(Results.Problem(detail: result.Message, statusCode: result.StatusCode, title: "Store unavailable")),
        _ => Results.Problem(detail: result.Message, statusCode: result.StatusCode),
    };

    // 503 with when to ask again: the store is usually back within seconds (a restart, a failover).
    private sealed class RetryAfter(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "5";
            return problem.ExecuteAsync(httpContext);
        }
    }

    // Field paths and ids come from the caller; never send back more than a few words of them.
    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
