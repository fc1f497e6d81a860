namespace Hw4.Dashboard.Features.Runs.Notes;

/// <summary>The outcome of <see cref="RunNotesRules.Validate"/>: the normalized values and any error messages.</summary>
/// <param name="Tags">Trimmed, lower-case, distinct tags (the valid ones).</param>
/// <param name="Notes">The notes text (never null).</param>
/// <param name="Errors">One message per problem; empty when everything is valid.</param>
public sealed record RunNotesValidation(IReadOnlyList<string> Tags, string Notes, IReadOnlyList<string> Errors)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
