using Hw4.Ml.Lifecycle.Events;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The single consumer of <see cref="RunEventNotifier"/>'s channel: throttles progress, stamps sequence numbers and
/// fans each event out to component subscribers and to the run's hub group, one at a time so order holds everywhere.
/// </summary>
public sealed class RunEventPump(
    RunEventNotifier notifier,
    IRunEventExchange exchange,
    IHubContext<RunsHub, IRunsClient> hub,
    TimeProvider time,
    ILogger<RunEventPump> logger) : BackgroundService
{
    private readonly RunEventThrottle _throttle = new(notifier.Options);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = notifier.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitForWorkAsync(reader, stoppingToken);
            while (reader.TryRead(out var item))
                await HandleAsync(item, stoppingToken);

            foreach (var e in _throttle.FlushDue(time.GetElapsedTime(0)))
                await FanOutAsync(e, stoppingToken);
        }
    }

    // The pump is the only path from producers to viewers: an item that fails is logged and skipped, never fatal.
    private async Task HandleAsync(PumpItem item, CancellationToken stoppingToken)
    {
        try
        {
            switch (item)
            {
                case PublishItem p:
                    foreach (var e in _throttle.Offer(p.Event, time.GetElapsedTime(0)))
                        await FanOutAsync(e, stoppingToken);
                    break;
                case AttachItem a:
                    await AttachAsync(a, stoppingToken);
                    break;
                case RelayItem r:
                    notifier.EmitRelayed(r.Envelope);
                    break;
                case HoldItem h:
                    await h.Action(stoppingToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The event pump could not handle {Item}", item.GetType().Name);
        }
    }

    private async Task WaitForWorkAsync(System.Threading.Channels.ChannelReader<PumpItem> reader, CancellationToken stoppingToken)
    {
        if (_throttle.NextDeadline is not { } deadline)
        {
            await reader.WaitToReadAsync(stoppingToken);
            return;
        }

        var delay = deadline - time.GetElapsedTime(0);
        if (delay <= TimeSpan.Zero)
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(delay);
        try
        {
            await reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The pending progress is due; fall through to flush it.
        }
    }

    private async Task FanOutAsync(RunEvent e, CancellationToken stoppingToken)
    {
        await exchange.ClaimAsync(e.RunId, notifier.Log, stoppingToken);
        var envelope = notifier.Emit(e, time.GetUtcNow());
        exchange.Published(envelope, notifier.Log);
        try
        {
            await hub.Clients.Group(RunsHub.GroupName(e.RunId)).ReceiveEvent(envelope).WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sending event {Seq} of run {RunId} to the hub failed", envelope.Seq, e.RunId);
        }
    }

    private async Task AttachAsync(AttachItem a, CancellationToken stoppingToken)
    {
        try
        {
            await hub.Clients.Client(a.ConnectionId).ReceiveReplay(notifier.Log.Since(a.RunId, a.LastSeq)).WaitAsync(stoppingToken);
            await hub.Groups.AddToGroupAsync(a.ConnectionId, RunsHub.GroupName(a.RunId), stoppingToken);
            a.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            a.Done.TrySetException(ex);
        }
    }
}
