using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Ml.Recipes;

/// <summary>
/// Sends each event of a recipe's run to metrics.jsonl, then to the caller's sink. A failed write stops the run
/// (through <see cref="Token"/>) and is kept as its cause; a sink that throws is contained, so a consumer's bug never
/// ends a run.
/// </summary>
internal sealed class RecordingSink(RunDirectory dir, Action<RunEvent>? sink, CancellationToken outer)
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
    private bool _sinkFailed;

    /// <summary>Cancelled by the caller's token or by a failed write.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The failed write ("metrics.jsonl: reason"), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Records <paramref name="e"/>, then hands it to the sink.</summary>
    public void Publish(RunEvent e)
    {
        if (Failure is null)
        {
            try
            {
                dir.AppendMetric(e);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failure = $"{dir.MetricsPath}: {OneLine(ex)}";
                _stop.Cancel();
            }
        }

        if (sink is null || _sinkFailed)
            return;
        try
        {
            sink(e);
        }
        catch (Exception)
        {
            // The sink is a consumer (a console, a notifier); the run and its files do not depend on it.
            _sinkFailed = true;
        }
    }

    /// <summary>An exception's message on one line.</summary>
    public static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim();
}
