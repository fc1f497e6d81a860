namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// What a command on a run (stop, resume) did, in HTTP terms: 202 accepted, 404 unknown run, 409 refused, 503 the
/// store's queue cannot be reached (nothing changed).
/// </summary>
/// <param name="StatusCode">202, 404, 409 or 503.</param>
/// <param name="Message">One line for the user: what happens now, or why nothing does.</param>
public sealed record RunCommandResult(int StatusCode, string Message)
{
    /// <summary>True when the command was taken.</summary>
    public bool IsAccepted => StatusCode == StatusCodes.Status202Accepted;

    /// <summary>Taken.</summary>
    public static RunCommandResult Accepted(string message) => new(StatusCodes.Status202Accepted, message);

    /// <summary>No such run.</summary>
    public static RunCommandResult NotFound(string runId) =>
        new(StatusCodes.Status404NotFound, $"No run '{(runId.Length <= 64 ? runId : runId[..64] + "…")}'.");

    /// <summary>Refused, with the reason.</summary>
    public static RunCommandResult Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    /// <summary>The store's queue cannot be reached; ask again later.</summary>
    public static RunCommandResult Unavailable(StoreUnavailableException e) =>
        new(StatusCodes.Status503ServiceUnavailable, (e ?? throw new ArgumentNullException(nameof(e))).Message);
}
