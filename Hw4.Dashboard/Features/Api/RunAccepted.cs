namespace Hw4.Dashboard.Features.Api;

/// <summary>The body of a 202 from <c>POST /api/runs</c> and <c>POST /api/runs/{id}/stop</c>.</summary>
/// <param name="Id">The run id (also its folder name and hub key).</param>
/// <param name="Url">The run's page.</param>
/// <param name="StatusUrl">Where to poll its status.</param>
public sealed record RunAccepted(string Id, string Url, string StatusUrl)
{
    /// <summary>The response for <paramref name="id"/>.</summary>
    public static RunAccepted For(string id) => new(id, RunsApi.PagePath(id), RunsApi.StatusPath(id));
}
