namespace Hw4.Dashboard.Features.Api;

/// <summary>The body of <c>GET /api/runs/{id}</c>: where the run stands, read from its folder (and the live log while active).</summary>
/// <param name="Id">The run id.</param>
/// <param name="Status">queued, running, completed, stopped, failed, diverged, interrupted (or unreadable).</param>
/// <param name="EpochsPlanned">Epochs the run was started with, when known.</param>
/// <param name="EpochsDone">Completed epochs.</param>
/// <param name="LastValLoss">Validation loss of the last completed epoch.</param>
/// <param name="TestAccuracy">Test accuracy once evaluated.</param>
/// <param name="Progress">Fraction of the run done, in [0, 1].</param>
/// <param name="LastSeq">The last event sequence number (subscribe to <c>/hubs/runs</c> with it to follow from here).</param>
/// <param name="Message">Why a run ended early, or why its folder is unreadable.</param>
/// <param name="Url">The run's page.</param>
/// <param name="Epochs">The numbers of the completed epochs, in order (each once, also across resumes).</param>
/// <param name="Host">The host that trained its latest attempt or trains it now (run.json's <c>host</c>); null before it started.</param>
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
    string Url,
    IReadOnlyList<int> Epochs,
    string? Host = null);
