using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Ml.Runs;

/// <summary>
/// One attempt's hold on its run folder, with its fencing token (<see cref="Number"/>, run.json's
/// <see cref="RunRecord.Attempt"/> when it started). Every write the attempt makes (a metrics line, a checkpoint, the
/// evaluation, an image, its end) runs under the folder's lock after checking that run.json still says running with this
/// number; otherwise it throws <see cref="RunLeaseLostException"/> and writes nothing. So a host that was judged dead,
/// or whose claim passed to another host, is harmless when it wakes: its next write is refused and it stops.
/// </summary>
public sealed class RunAttempt
{
    internal RunAttempt(RunDirectory directory, long number)
    {
        Directory = directory;
        Number = number;
    }

    /// <summary>The run folder.</summary>
    public RunDirectory Directory { get; }

    /// <summary>The fencing token.</summary>
    public long Number { get; }

    /// <summary>Throws <see cref="RunLeaseLostException"/> unless <paramref name="record"/> is running attempt <paramref name="attempt"/>.</summary>
    public static void CheckHeld(RunRecord record, long attempt)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Attempt != attempt)
            throw new RunLeaseLostException(record.Id, attempt, $"attempt {record.Attempt} holds it now");
        if (record.Status != RunStatus.Running)
            throw new RunLeaseLostException(record.Id, attempt, $"it is {record.Status.Name()}");
    }

    /// <summary>Runs <paramref name="write"/> under the folder's lock while this attempt still holds the run.</summary>
    public void Write(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.UnderLock(() =>
        {
            CheckHeld(Directory.ReadRun(), Number);
            write();
        });
    }

    /// <summary>Appends <paramref name="e"/> to metrics.jsonl while this attempt holds the run.</summary>
    public void AppendMetric(RunEvent e) => Write(() => Directory.AppendMetric(e));

    /// <summary>Changes run.json through the aggregate (an end, a heartbeat) while this attempt holds the run.</summary>
    public T Apply<T>(Func<Run, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Directory.Apply(run =>
        {
            CheckHeld(run.Record, Number);
            return change(run);
        });
    }
}
