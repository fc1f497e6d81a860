namespace Hw4.Dashboard.Features.Runs;

/// <summary>What <see cref="RunDeleter.DeleteAsync"/> did.</summary>
/// <param name="Deleted">True when the run is gone from the index (and its folder from the list).</param>
/// <param name="Message">One line for the user: what happened, or why nothing was deleted.</param>
public sealed record RunDeleteResult(bool Deleted, string Message);
