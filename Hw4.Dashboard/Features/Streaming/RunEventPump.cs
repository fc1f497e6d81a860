using Hw4.Ml.Lifecycle.Events;
using Microsoft.AspNetCore.SignalR;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The single consumer of <see cref="RunEventNotifier"/>'s channel: throttles denoising progress, stamps sequence
/// numbers and fans each event out to component subscribers (at once) and to the run's hub group (training batches
/// bundled, <see cref="HubProgressBundler"/>), one at a time so order holds everywhere.
/// </summary>
public sealed class RunEventPump(
    RunEventNotifier notifier,
    IRunEventExchange exchange,
    IHubContext<RunsHub, IRunsClient> hub,
    TimeProvider time,
    ILogger<RunEventPump> logger) : BackgroundService
{
    private readonly RunEventThrottle _throttle = new(notifier.Options);
    private readonly HubProgressBundler _bundler = new(notifier.Options.BatchMessagesPerSecond);

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
            foreach (var message in _bundler.FlushDue(time.GetElapsedTime(0)))
                await SendAsync(message, stoppingToken);
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
                    // What the group was not sent yet is in the log the other host replays from: send it first.
                    await FlushAsync(h.RunId, stoppingToken);
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
        if (new[] { _throttle.NextDeadline, _bundler.NextDeadline }.Min() is not { } deadline)
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
        foreach (var message in _bundler.Offer(envelope, time.GetElapsedTime(0)))
            await SendAsync(message, stoppingToken);
    }

    private async Task FlushAsync(string runId, CancellationToken stoppingToken)
    {
        if (_bundler.Flush(runId, time.GetElapsedTime(0)) is { } pending)
            await SendAsync(pending, stoppingToken);
    }

    private async Task SendAsync(HubMessage message, CancellationToken stoppingToken)
    {
        var group = hub.Clients.Group(RunsHub.GroupName(message.RunId));
        try
        {
            await (message.IsBundle ? group.ReceiveEvents(message.Events) : group.ReceiveEvent(message.Events[0])).WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sending events {First}..{Last} of run {RunId} to the hub failed",
                message.Events[0].Seq, message.Events[^1].Seq, message.RunId);
        }
    }

    private async Task AttachAsync(AttachItem a, CancellationToken stoppingToken)
    {
        try
        {
            // The replay covers the log up to now, so the group must have been sent all of it: no batch twice.
            await FlushAsync(a.RunId, stoppingToken);
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
