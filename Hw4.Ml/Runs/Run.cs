using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Models;

namespace Hw4.Ml.Runs;

/// <summary>
/// A run's life, the one place that moves its status (as eShop's <c>Order</c> aggregate does): each method checks the
/// move against <see cref="RunTransitions"/> (refusing it with <see cref="RunStatusChangeException"/>), stamps the time
/// from the injected clock, changes the record and returns the event to publish. <see cref="RunDirectory.Apply{T}"/>
/// hands a <see cref="Run"/> the record read under the folder's lock and writes it back; the events go to metrics.jsonl
/// and the notifier through the caller. Moves made by an attempt (start, end) name its number and are refused once
/// another grant superseded it (<see cref="RunLeaseLostException"/>).
/// </summary>
public sealed class Run
{
    private readonly TimeProvider _time;
    private readonly Func<RunProjection> _history;

    /// <summary>The aggregate over <paramref name="record"/>; <paramref name="history"/> reads its events when needed.</summary>
    public Run(RunRecord record, TimeProvider time, Func<RunProjection> history)
    {
        Record = record ?? throw new ArgumentNullException(nameof(record));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _history = history ?? throw new ArgumentNullException(nameof(history));
    }

    /// <summary>The record as changed so far.</summary>
    public RunRecord Record { get; private set; }

    /// <summary>The run id.</summary>
    public string Id => Record.Id;

    /// <summary>
    /// A new run of <paramref name="request"/> (its id, kind and configuration), queued now: the record its folder is
    /// created with.
    /// </summary>
    public static RunRecord New(RunRecord request, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return request with { Status = RunStatus.Queued, CreatedUtc = now, QueuedUtc = now, Attempt = 0, Owner = null };
    }

    /// <summary>One line for queue lists: the model and epochs of a training run, a denoising run's settings.</summary>
    public static string Describe(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record switch
        {
            { Kind: RunKinds.Train, Config: { } c } => FormattableString.Invariant($"{ModelFactory.Name(c.Model)} × {c.Epochs} epochs, lr {c.LearningRate:G3}"),
            { Kind: RunKinds.Denoise, Denoise.Options: var o } => FormattableString.Invariant($"denoise {o.Norm} {o.Optimizer} lr={o.Lr} α={o.Alpha} × {o.Steps}"),
            _ => record.Id,
        };
    }

    /// <summary>
    /// Starts attempt <paramref name="attempt"/> (null: the next number) in <paramref name="owner"/>'s process, as host
    /// <paramref name="host"/>, with the facts known at start (<paramref name="provenance"/>: device, dataset, counts).
    /// A queued run starts; a running one is taken over only by a later grant (its old writer is fenced out). Returns
    /// the attempt's number.
    /// </summary>
    public long Start(RunOwner owner, string host, long? attempt = null, Func<RunRecord, RunRecord>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var number = attempt ?? Record.Attempt + 1;
        if (number <= Record.Attempt)
            throw new RunLeaseLostException(Id, number, $"attempt {Record.Attempt} was granted after it");
        if (Record.Status != RunStatus.Running)
            RunTransitions.Check(Id, Record.Status, RunStatus.Running);
        var started = (provenance?.Invoke(Record) ?? Record) with
        {
            Status = RunStatus.Running,
            Attempt = number,
            Owner = owner with { HeartbeatUtc = _time.GetUtcNow() },
            Host = host,
            StartedUtc = _time.GetUtcNow(),
            FinishedUtc = null,
            Message = null,
        };
        Record = started with { Id = Record.Id, Kind = Record.Kind, Config = Record.Config, Denoise = Record.Denoise };
        return number;
    }

    /// <summary>Its owner is alive: renews the owner's heartbeat (the caller holds the attempt).</summary>
    public void Beat()
    {
        if (Record is { Status: RunStatus.Running, Owner: { } owner })
            Record = Record with { Owner = owner with { HeartbeatUtc = _time.GetUtcNow() } };
    }

    /// <summary>
    /// Ends attempt <paramref name="attempt"/> (null: a run that never started) as <paramref name="status"/> through the
    /// method that status belongs to (<see cref="Complete"/>, <see cref="Diverge"/>, <see cref="Stop"/>,
    /// <see cref="Fail"/>): what a recipe or a job calls with the outcome it got.
    /// </summary>
    public RunEnded Finish(long? attempt, RunStatus status, string? message, double seconds = 0) => status switch
    {
        RunStatus.Completed => Complete(attempt ?? Record.Attempt, seconds),
        RunStatus.Diverged => Diverge(attempt ?? Record.Attempt, message ?? "diverged", seconds),
        RunStatus.Stopped => Stop(attempt, message ?? "stopped", seconds),
        RunStatus.Failed => Fail(attempt, message ?? "failed", seconds),
        _ => throw new RunStatusChangeException(Id, Record.Status, status),
    };

    /// <summary>Attempt <paramref name="attempt"/> finished every epoch (or step).</summary>
    public RunEnded Complete(long attempt, double seconds) => End(attempt, RunStatus.Completed, null, seconds);

    /// <summary>Attempt <paramref name="attempt"/> (null: whoever holds it, e.g. before it started) failed with <paramref name="cause"/>.</summary>
    public RunEnded Fail(long? attempt, string cause, double seconds = 0) => End(attempt, RunStatus.Failed, cause, seconds);

    /// <summary>Attempt <paramref name="attempt"/> met a non-finite loss, <paramref name="where"/>.</summary>
    public RunEnded Diverge(long attempt, string where, double seconds) => End(attempt, RunStatus.Diverged, where, seconds);

    /// <summary>
    /// The user stopped it: while queued, while attempt <paramref name="attempt"/> ran (null: no live attempt, e.g. one
    /// whose process is gone), or when it was interrupted (to give it up, keeping the interruption's message).
    /// </summary>
    public RunEnded Stop(long? attempt, string message, double seconds = 0) =>
        End(attempt, RunStatus.Stopped, Record.Status == RunStatus.Interrupted ? Record.Message : message, seconds);

    /// <summary>
    /// Its owner is gone (<paramref name="cause"/>: "its process ended", "host gpu-1 stopped heartbeating …"). Only the
    /// attempt that was judged (<paramref name="attempt"/>) is interrupted: a later grant keeps its run. The message is
    /// <see cref="RunInterruption.Message"/>'s.
    /// </summary>
    public RunEnded Interrupt(string cause, long? attempt = null)
    {
        var message = RunInterruption.Message(Record, _history(), cause);
        return End(attempt, RunStatus.Interrupted, message, 0);
    }

    /// <summary>
    /// Withdraws grant <paramref name="attempt"/> of a run that is still queued (its holder was judged dead before it
    /// started): the run's attempt number moves past it, so that holder can no longer start it, and the run stays
    /// queued, untouched otherwise. Refused for a run that is not queued.
    /// </summary>
    public void Revoke(long attempt)
    {
        if (Record.Status != RunStatus.Queued)
            throw new RunStatusChangeException(Id, Record.Status, RunStatus.Queued);
        if (attempt > Record.Attempt)
            Record = Record with { Attempt = attempt };
    }

    /// <summary>Queues an interrupted, stopped or failed run again; a resume continues from its newest checkpoint that loads.</summary>
    public RunQueued Requeue()
    {
        RunTransitions.Check(Id, Record.Status, RunStatus.Queued);
        Record = Record with { Status = RunStatus.Queued, QueuedUtc = _time.GetUtcNow(), FinishedUtc = null, Message = null, Owner = null };
        return Queued();
    }

    /// <summary>The event announcing it waits (position 0: the scheduler fills in its place).</summary>
    public RunQueued Queued() => new(Id, Record.Kind, Describe(Record), 0);

    private RunEnded End(long? attempt, RunStatus status, string? message, double seconds)
    {
        if (attempt is { } mine)
            RunAttempt.CheckHeld(Record, mine);
        RunTransitions.Check(Id, Record.Status, status);
        Record = Record with { Status = status, Message = message, FinishedUtc = _time.GetUtcNow(), Owner = null };
        return new RunEnded(Id, status, message, seconds);
    }
}
