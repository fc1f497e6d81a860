using System.Collections.Immutable;
using System.Threading.Channels;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// The device's job queue: a bounded channel read by one <see cref="RunQueueWorker"/>, so at most one run uses the device
/// at a time. Holds the waiting and active jobs for display and lets the user stop either.
/// </summary>
public sealed class RunQueue
{
    private readonly Channel<QueuedRun> _channel;
    private readonly RunEventNotifier _notifier;
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private ImmutableList<QueuedRun> _waiting = [];

    /// <summary>Creates the queue with the configured capacity.</summary>
    public RunQueue(IOptions<QueueOptions> options, RunEventNotifier notifier)
    {
        _notifier = notifier;
        _capacity = options.Value.Capacity;
        _channel = Channel.CreateBounded<QueuedRun>(new BoundedChannelOptions(options.Value.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Raised (on any thread) when a job is added, starts or ends. Exceptions are the handler's to avoid.</summary>
    public event Action? Changed;

    /// <summary>The job on the device, if any.</summary>
    public QueuedRun? Active { get; private set; }

    /// <summary>The jobs waiting, in order.</summary>
    public IReadOnlyList<QueuedRun> Waiting => _waiting;

    /// <summary>Waiting plus active jobs: the number the status chip shows.</summary>
    public int Length => _waiting.Count + (Active is null ? 0 : 1);

    internal ChannelReader<QueuedRun> Reader => _channel.Reader;

    /// <summary>Adds a job; false (with nothing queued) when the queue is full.</summary>
    public bool TryEnqueue(IRunJob job)
    {
        var queued = new QueuedRun(job);
        lock (_gate)
        {
            // Writers are serialised by the lock and the reader only removes, so a free slot seen here stays free.
            if (_channel.Reader.Count >= _capacity)
                return false;
            _waiting = _waiting.Add(queued);
            // Announce before the worker can see the job, so RunQueued always precedes RunStarted.
            _notifier.Publish(new RunQueued(job.RunId, job.Kind, job.Description, _waiting.Count));
            _channel.Writer.TryWrite(queued);
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>Stops the run with <paramref name="runId"/>: cancels it when active, skips it when waiting.</summary>
    public bool Stop(string runId)
    {
        var run = Active?.Job.RunId == runId ? Active : _waiting.FirstOrDefault(w => w.Job.RunId == runId);
        if (run is null)
            return false;
        run.Cancel();
        return true;
    }

    internal void MarkActive(QueuedRun? run)
    {
        lock (_gate)
        {
            if (run is not null)
                _waiting = _waiting.Remove(run);
            Active = run;
        }

        Changed?.Invoke();
    }
}
