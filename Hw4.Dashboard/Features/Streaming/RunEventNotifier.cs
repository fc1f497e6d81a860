using System.Collections.Immutable;
using System.Threading.Channels;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The one place run events enter. <see cref="Publish"/> only enqueues, so a training loop never waits on a browser;
/// <see cref="RunEventPump"/> throttles, numbers and fans events out to the SignalR hub and to component subscribers.
/// </summary>
public sealed class RunEventNotifier
{
    private readonly Channel<PumpItem> _channel =
        Channel.CreateUnbounded<PumpItem>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _fanOut = new();
    private ImmutableArray<RunSubscription> _subscribers = [];

    private readonly ILogger<RunEventNotifier> _logger;
    private readonly IRunEventExchange _exchange;

    /// <summary>
    /// Creates the notifier with its replay log sized by <paramref name="options"/>; <paramref name="exchange"/> (none:
    /// this host alone) decides how hub connections attach when other hosts number runs' events too.
    /// </summary>
    public RunEventNotifier(IOptions<StreamingOptions> options, ILogger<RunEventNotifier> logger, IRunEventExchange? exchange = null)
    {
        _logger = logger;
        _exchange = exchange ?? new LocalRunEventExchange();
        Options = options.Value;
        Log = new RunEventLog(Options.LogCapacityPerRun, Options.MaxRuns);
    }

    /// <summary>The streaming settings.</summary>
    public StreamingOptions Options { get; }

    /// <summary>The bounded per-run log behind snapshots and replay.</summary>
    public RunEventLog Log { get; }

    internal ChannelReader<PumpItem> Reader => _channel.Reader;

    /// <summary>Queues an event; never blocks and is safe from any thread.</summary>
    public void Publish(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _channel.Writer.TryWrite(new PublishItem(e));
    }

    /// <summary>
    /// Follows one run: <see cref="RunSubscription.Replay"/> holds the events after <paramref name="lastSeq"/> (or a
    /// snapshot), and <paramref name="onEvent"/> gets every later one on the pump thread; keep it quick (a component
    /// calls <c>InvokeAsync(StateHasChanged)</c>).
    /// </summary>
    public RunSubscription Subscribe(string runId, long? lastSeq, Action<RunEventEnvelope> onEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        // Reading the log and registering under the lock the pump appends under: each event is then either in the
        // replay or delivered to the handler, never both and never neither.
        lock (_fanOut)
        {
            var subscription = new RunSubscription(runId, Log.Since(runId, lastSeq), onEvent, Remove);
            _subscribers = _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Follows every run (for lists and the status chip); no replay.</summary>
    public RunSubscription SubscribeAll(Action<RunEventEnvelope> onEvent)
    {
        lock (_fanOut)
        {
            var subscription = new RunSubscription(null, null, onEvent, Remove);
            _subscribers = _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// Sends <paramref name="connectionId"/> the run's replay, then adds it to the run's group: through the pump, in
    /// order with the events it numbers, when this host owns the run; through the exchange when another host does.
    /// </summary>
    public Task AttachConnectionAsync(string connectionId, string runId, long? lastSeq, CancellationToken cancellationToken) =>
        _exchange.AttachAsync(connectionId, runId, lastSeq, () =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _channel.Writer.TryWrite(new AttachItem(connectionId, runId, lastSeq, done));
            return done.Task.WaitAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Queues an event another host numbered, for this host's component subscribers (its hub got it already).</summary>
    public void Relay(RunEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        _channel.Writer.TryWrite(new RelayItem(envelope));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the pump between two events, once the hub was sent every event of
    /// <paramref name="runId"/> numbered so far: nothing is numbered or sent until it ends (another host attaching a
    /// connection to a run this host owns holds the run's events still meanwhile).
    /// </summary>
    public void Hold(string runId, Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _channel.Writer.TryWrite(new HoldItem(runId, action));
    }

    /// <summary>Numbers and logs an emitted event, then hands it to the component subscribers present at that moment.</summary>
    internal RunEventEnvelope Emit(RunEvent e, DateTimeOffset at)
    {
        RunEventEnvelope envelope;
        ImmutableArray<RunSubscription> targets;
        lock (_fanOut)
        {
            envelope = Log.Append(e, at);
            targets = _subscribers;
        }

        Deliver(envelope, targets);
        return envelope;
    }

    /// <summary>Logs an event numbered on another host, with its number, and hands it to the component subscribers.</summary>
    internal void EmitRelayed(RunEventEnvelope envelope)
    {
        ImmutableArray<RunSubscription> targets;
        lock (_fanOut)
        {
            Log.Adopt(envelope);
            targets = _subscribers;
        }

        Deliver(envelope, targets);
    }

    private void Deliver(RunEventEnvelope envelope, ImmutableArray<RunSubscription> targets)
    {
        foreach (var subscriber in targets)
        {
            // One subscriber's bug (a component that throws) must not starve the others, the hub or the pump.
            try
            {
                subscriber.Deliver(envelope);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A subscriber of run {RunId} threw on event {Seq}; it keeps its subscription", envelope.RunId, envelope.Seq);
            }
        }
    }

    private void Remove(RunSubscription subscription)
    {
        lock (_fanOut)
            _subscribers = _subscribers.Remove(subscription);
    }
}
