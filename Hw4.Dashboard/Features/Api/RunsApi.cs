using System.Text.Json;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;

namespace Hw4.Dashboard.Features.Api;

/// <summary>
/// The JSON API for scripts and tests: queue a training run, read its status, stop it. Runs go through the same
/// <see cref="TrainingLauncher"/> and queue as the Train page; live events come from the <c>/hubs/runs</c> hub.
/// </summary>
public static class RunsApi
{
    /// <summary>The API's base path.</summary>
    public const string BasePath = "/api/runs";

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    /// <summary>The run page of <paramref name="id"/>.</summary>
    public static string PagePath(string id) => $"/runs/{Uri.EscapeDataString(id)}";

    /// <summary>The status endpoint of <paramref name="id"/>.</summary>
    public static string StatusPath(string id) => $"{BasePath}/{Uri.EscapeDataString(id)}";

    /// <summary>Maps <c>POST /api/runs</c>, <c>GET /api/runs/{id}</c> and <c>POST /api/runs/{id}/stop</c>.</summary>
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).DisableAntiforgery();
        group.MapPost("", StartAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/stop", Stop);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, TrainingLauncher launcher)
    {
        TrainRunBody? body;
        try
        {
            // Read by hand rather than bound, so a malformed field gets a message naming it instead of an empty 400.
            body = request.ContentLength == 0 ? new TrainRunBody() : await request.ReadFromJsonAsync<TrainRunBody>(BodyJson, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"{field}: not valid JSON for this field."] },
                detail: $"The request body is not valid at '{field}'.");
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (form, errors) = (body ?? new TrainRunBody()).Validate();
        if (form is null)
            return Results.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(m => m)));

        string? runId;
        string? error;
        try
        {
            (runId, error) = launcher.Launch(form.ToRequest());
        }
        catch (ArgumentException e)
        {
            // The trainer's own validation (TrainerOptions.Validate) is the last word; its message names the option.
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        return runId is null
            ? Results.Problem(detail: error, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Accepted(StatusPath(runId), RunAccepted.For(runId));
    }

    private static async Task<IResult> GetAsync(
        string id, RunQueue queue, RunEventNotifier notifier, RunIndex index, CancellationToken cancellationToken) =>
        await new RunStatusReader(queue, notifier, index).ReadAsync(id, cancellationToken) is { } status
            ? Results.Ok(status)
            : Results.Problem(detail: $"No run '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Stop(string id, RunQueue queue) =>
        queue.Stop(id)
            ? Results.Accepted(StatusPath(id), RunAccepted.For(id))
            : Results.Problem(detail: $"No queued or running run '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
