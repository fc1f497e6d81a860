namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The run stopped with an error; <paramref name="Message"/> is one line for the user.</summary>
public sealed record RunFailed(string RunId, string Message) : RunEvent(RunId)
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
