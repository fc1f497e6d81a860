using System.Collections.Immutable;
using System.Threading.Channels;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// The device's job queue: a channel read by one <see cref="RunQueueWorker"/>, so at most one run uses the device at a
/// time. Holds the waiting and active jobs for display and lets the user stop either; a waiting job that is stopped
/// leaves the queue (and ends as stopped) at once, not when the worker reaches it.
/// </summary>
public sealed class RunQueue
{
    private readonly Channel<QueuedRun> _channel =
        Channel.CreateUnbounded<QueuedRun>(new UnboundedChannelOptions { SingleReader = true });

    private readonly RunEventNotifier _notifier;
    private readonly ILogger<RunQueue> _logger;
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private ImmutableList<QueuedRun> _waiting = [];
    private QueuedRun? _active;

    /// <summary>Creates the queue with the configured capacity.</summary>
    public RunQueue(IOptions<QueueOptions> options, RunEventNotifier notifier, ILogger<RunQueue> logger)
    {
        _notifier = notifier;
        _logger = logger;
        _capacity = options.Value.Capacity;
    }

    /// <summary>Raised (on any thread) when a job is added, starts, ends or is stopped. A handler that throws is logged and skipped.</summary>
    public event Action? Changed;

    /// <summary>The job on the device, if any.</summary>
    public QueuedRun? Active => _active;

    /// <summary>The jobs waiting, in order (an immutable snapshot).</summary>
    public IReadOnlyList<QueuedRun> Waiting => _waiting;

    /// <summary>Waiting plus active jobs: the number the status chip shows.</summary>
    public int Length => _waiting.Count + (_active is null ? 0 : 1);

    /// <summary>True when there is room for another job.</summary>
    public bool HasRoom => _waiting.Count < _capacity;

    internal ChannelReader<QueuedRun> Reader => _channel.Reader;

    /// <summary>True when <paramref name="runId"/> is waiting or active here.</summary>
    public bool Contains(string runId) => _active?.Job.RunId == runId || _waiting.Any(w => w.Job.RunId == runId);

    /// <summary>Adds a job; false (with nothing queued) when the queue is full.</summary>
    public bool TryEnqueue(IRunJob job)
    {
        var queued = new QueuedRun(job);
        lock (_gate)
        {
            if (_waiting.Count >= _capacity)
                return false;
            _waiting = _waiting.Add(queued);
            // Announce before the worker can see the job, so RunQueued always precedes RunStarted.
            _notifier.Publish(new RunQueued(job.RunId, job.Kind, job.Description, _waiting.Count));
            _channel.Writer.TryWrite(queued);
        }

        RaiseChanged();
        return true;
    }

    /// <summary>
    /// Stops <paramref name="runId"/> when it is here: an active job is cancelled (it ends stopped between two batches);
    /// a waiting one leaves the queue and ends stopped now. False when neither.
    /// </summary>
    public bool Stop(string runId)
    {
        QueuedRun? waiting;
        lock (_gate)
        {
            if (_active?.Job.RunId == runId)
            {
                _active.Cancel();
                return true;
            }

            waiting = _waiting.FirstOrDefault(w => w.Job.RunId == runId);
            if (waiting is null)
                return false;
            waiting.Cancel();
            _waiting = _waiting.Remove(waiting);
        }

        try
        {
            waiting.Job.End(RunStatus.Stopped, "stopped while queued");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Ending queued run {RunId} as stopped failed", runId);
        }

        RaiseChanged();
        return true;
    }

    /// <summary>
    /// Takes a waiting job out of the queue without ending its run (its claim passed to another host): true when it was
    /// waiting. An active job is left to run; its fence refuses its writes once the run is no longer its own.
    /// </summary>
    public bool Abandon(string runId)
    {
        lock (_gate)
        {
            if (_waiting.FirstOrDefault(w => w.Job.RunId == runId) is not { } waiting)
                return false;
            waiting.Cancel();
            _waiting = _waiting.Remove(waiting);
        }

        RaiseChanged();
        return true;
    }

    internal void MarkActive(QueuedRun? run)
    {
        lock (_gate)
        {
            if (run is not null)
                _waiting = _waiting.Remove(run);
            _active = run;
        }

        RaiseChanged();
    }

    private void RaiseChanged()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                handler();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A queue listener threw");
            }
        }
    }
}
