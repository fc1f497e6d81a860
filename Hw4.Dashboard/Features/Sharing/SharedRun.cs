namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// One run a share link shows, by its identity: the id and the creation time in its run.json. A folder deleted and
/// made again under the same id (a restore, a copy) is another run, and the link no longer shows it.
/// </summary>
/// <param name="Id">The run id.</param>
/// <param name="CreatedUtc">When the run was created (run.json's <c>created_utc</c>).</param>
public sealed record SharedRun(string Id, DateTimeOffset CreatedUtc);
