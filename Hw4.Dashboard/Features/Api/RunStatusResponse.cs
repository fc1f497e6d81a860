namespace Hw4.Dashboard.Features.Api;

/// <summary>The body of <c>GET /api/runs/{id}</c>: where the run stands, from the queue, the live log or the index.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Status">queued, running, finished, stopped, failed, diverged (or unknown).</param>
/// <param name="EpochsPlanned">Epochs the run was started with, when known.</param>
/// <param name="EpochsDone">Completed epochs.</param>
/// <param name="LastValLoss">Validation loss of the last completed epoch.</param>
/// <param name="TestAccuracy">Test accuracy once evaluated.</param>
/// <param name="Progress">Fraction of the run done, in [0, 1].</param>
/// <param name="LastSeq">The last event sequence number (subscribe to <c>/hubs/runs</c> with it to follow from here).</param>
/// <param name="Message">Why a failed or diverged run stopped.</param>
/// <param name="Url">The run's page.</param>
public sealed record RunStatusResponse(
    string Id,
    string Status,
    int? EpochsPlanned,
    int EpochsDone,
    double? LastValLoss,
    double? TestAccuracy,
    double Progress,
    long LastSeq,
    string? Message,
    string Url);
