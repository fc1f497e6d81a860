using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Ml.Recipes;

/// <summary>
/// Sends each event of a recipe's run to metrics.jsonl, then to the caller's sink. A failed write stops the run
/// (through <see cref="Token"/>) and is kept as its cause; a sink that throws is contained, so a consumer's bug never
/// ends a run. A file the event names inside the run folder (a checkpoint) is recorded relative to that folder: the
/// folder sits on storage that other hosts mount elsewhere, so this host's absolute path means nothing to them.
/// </summary>
internal sealed class RecordingSink(RunDirectory dir, Action<RunEvent>? sink, CancellationToken outer)
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
    private bool _sinkFailed;

    /// <summary>Cancelled by the caller's token or by a failed write.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The failed write ("metrics.jsonl: reason"), or null.</summary>
    public string? Failure { get; private set; }

    // checkpoints/model_3.params, not /var/lib/hw4/runs/<id>/checkpoints/model_3.params; and a message (a warning,
    // why a run ended) names files relative to the artifacts folder, never by their server path.
    private RunEvent RelativeToRun(RunEvent e)
    {
        if (e is RunWarning warning)
            return warning with { Message = dir.Relative(warning.Message) };
        if (e is RunEnded { Message: { } message } ended)
            return ended with { Message = dir.Relative(message) };
        if (e is not CheckpointSaved { Path: var path } saved || !System.IO.Path.IsPathRooted(path))
            return e;
        var relative = System.IO.Path.GetRelativePath(dir.Path, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative)
            ? e
            : saved with { Path = relative.Replace(System.IO.Path.DirectorySeparatorChar, '/') };
    }

    /// <summary>Records <paramref name="e"/>, then hands it to the sink.</summary>
    public void Publish(RunEvent e)
    {
        e = RelativeToRun(e);
        if (Failure is null)
        {
            try
            {
                dir.AppendMetric(e);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failure = $"{dir.NameOf(RunDirectory.MetricsFile)}: {dir.Relative(OneLine(ex))}";
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
