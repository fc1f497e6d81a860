using System.Diagnostics;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Ml.Recipes;

/// <summary>The end of a recipe's run, the same for both kinds: the aggregate's end, written, then published.</summary>
internal static class RecipeEnd
{
    /// <summary>
    /// Ends the run as <paramref name="status"/> (fenced by its attempt once started): run.json and the
    /// <c>RunEnded</c> line of metrics.jsonl are written under the same lock, then the event goes to the sink. An
    /// attempt that lost the run ends nothing and publishes nothing.
    /// </summary>
    public static void End(RunDirectory dir, RecordingSink storage, RunStatus status, string? message, Stopwatch clock)
    {
        storage.Ending = true;
        if (storage.LeaseLost is not null)
            return;
        // Named relative to the artifacts folder in run.json and the event alike, never by a server path.
        message = dir.Relative(message);
        var seconds = clock.Elapsed.TotalSeconds;
        try
        {
            var ended = storage.Attempt is { } attempt
                ? attempt.Apply(run => Recorded(run.Finish(attempt.Number, status, message, seconds)))
                : dir.Apply(run => Recorded(run.Finish(null, status, message, seconds)));
            storage.Forward(ended);
        }
        catch (RunLeaseLostException)
        {
            // Another grant holds the run (or it was judged dead): its new holder says how it ends.
        }
        catch (IOException)
        {
            // Nothing more can be written (a full disk): the run keeps "running" with this process as owner, and its
            // owner's death marks it interrupted, with every epoch whose checkpoint made it to disk.
            storage.Forward(new Lifecycle.Events.RunEnded(dir.Id, status, message, seconds));
        }

        Lifecycle.Events.RunEnded Recorded(Lifecycle.Events.RunEnded ended)
        {
            dir.AppendMetric(ended);
            return ended;
        }
    }
}
