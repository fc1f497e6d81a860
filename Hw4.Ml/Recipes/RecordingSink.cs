using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Ml.Recipes;

/// <summary>
/// Sends each event of a recipe's run to metrics.jsonl, then to the caller's sink. Once the run has started, every write
/// is fenced by its <see cref="Attempt"/>: a write refused because another grant holds the run stops the run (through
/// <see cref="Token"/>) and nothing more is written or published (<see cref="LeaseLost"/>). Any other failed write stops
/// the run too and is kept as its cause; a sink that throws is contained, so a consumer's bug never ends a run. A file the event names inside the run folder (a checkpoint) is recorded relative to that folder: the
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

    /// <summary>Set when the recipe ends the run: heartbeats stop (the end is its last write).</summary>
    public bool Ending { get; set; }

    /// <summary>The running attempt, once started: its writes are fenced.</summary>
    public RunAttempt? Attempt { get; set; }

    /// <summary>Why this attempt lost the run (another grant holds it), or null while it holds it.</summary>
    public string? LeaseLost { get; private set; }

    /// <summary>
    /// Runs a write into the run folder (a checkpoint, the evaluation, an image) under the attempt's fence; a lost lease
    /// stops the run and is rethrown, so the caller writes nothing after it.
    /// </summary>
    public void Guard(Action write)
    {
        if (Attempt is not { } attempt)
        {
            write();
            return;
        }

        try
        {
            attempt.Write(write);
        }
        catch (RunLeaseLostException e)
        {
            Lose(e);
            throw;
        }
    }

    /// <summary>
    /// Renews the owner's heartbeat in run.json every <see cref="RunOwner.HeartbeatInterval"/> until disposed, so
    /// another process can tell this one is alive; a beat refused because the run is no longer this attempt's stops the
    /// run like any refused write.
    /// </summary>
    public IDisposable KeepAlive() => new Timer(_ =>
    {
        if (Attempt is not { } attempt || LeaseLost is not null || Ending)
            return;
        try
        {
            attempt.Apply(run =>
            {
                run.Beat();
                return 0;
            });
        }
        catch (RunLeaseLostException e) when (!Ending)
        {
            Lose(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // A beat that could not be written (a full disk): the next one tries again; a judge sees silence meanwhile.
        }
    }, null, RunOwner.HeartbeatInterval, RunOwner.HeartbeatInterval);

    private void Lose(RunLeaseLostException e)
    {
        LeaseLost ??= OneLine(e);
        _stop.Cancel();
    }

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
        if (LeaseLost is not null)
            return;
        if (Failure is null)
        {
            try
            {
                if (Attempt is { } attempt)
                    attempt.AppendMetric(e);
                else
                    dir.AppendMetric(e);
            }
            catch (RunLeaseLostException ex)
            {
                Lose(ex);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failure = $"{dir.NameOf(RunDirectory.MetricsFile)}: {dir.Relative(OneLine(ex))}";
                _stop.Cancel();
            }
        }

        Forward(e);
    }

    /// <summary>Hands <paramref name="e"/> to the sink only (it is in metrics.jsonl already).</summary>
    public void Forward(RunEvent e)
    {
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
