namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// An export that cannot be made from what was asked (an unknown run id, a run without evaluation for a confusion
/// table, a checkpoint epoch that does not exist): the CLI exits 2 with the message, the endpoints answer 404 or 400.
/// </summary>
/// <param name="message">One line naming the input, never echoing more of it than an id.</param>
/// <param name="notFound">True when the thing named does not exist (404), false when the request is malformed (400).</param>
public sealed class ExportInputException(string message, bool notFound = false) : Exception(message)
{
    /// <summary>True when what was named does not exist.</summary>
    public bool NotFound { get; } = notFound;
}
