namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The run ended normally (or was stopped by the user when <paramref name="Stopped"/>).</summary>
public sealed record RunFinished(string RunId, double Seconds, bool Stopped) : RunEvent(RunId)
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
