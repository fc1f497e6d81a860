namespace Hw4.Dashboard.Features.Sharing;

/// <summary>A share link that cannot be made as asked; the message says why, for the dialog or the API's answer.</summary>
/// <param name="message">What is wrong with the request.</param>
/// <param name="notFound">True when a run it names does not exist (the API answers 404).</param>
public sealed class ShareRequestException(string message, bool notFound = false) : ArgumentException(message)
{
    /// <summary>True when a run the request names does not exist.</summary>
    public bool NotFound { get; } = notFound;
}
