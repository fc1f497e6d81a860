using System.Collections.Concurrent;
using System.Globalization;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Bench;

/// <summary>
/// <c>stream-clients --url U --count N [--protocol messagepack|json]</c>: the SignalR clients of <c>stream</c>, in their own process so their CPU and
/// memory are not the server's (as with real browsers). Reads <c>sub &lt;runId&gt;</c> lines from stdin: connects N
/// clients, subscribes each to the run from sequence 0, and when every client has seen the run end prints one
/// <c>lat &lt;ms&gt;</c> line per EpochCompleted received (receive time minus the envelope's emit time, one clock: same
/// machine), then <c>done &lt;runId&gt; &lt;events&gt;</c>, and disconnects. <c>quit</c> ends the process.
/// </summary>
internal static class StreamClientsCommand
{
    public static int Run(string[] rawArgs)
    {
        var args = new BenchArgs(rawArgs);
        var url = args.Get("--url") ?? throw new ArgumentException("--url is required.");
        var count = args.GetInt("--count", 20);
        var protocol = Protocol(args);
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["quit"])
                break;
            if (parts is ["sub", var runId])
            {
                try
                {
                    FollowAsync(url, runId, count, protocol).GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    // One line back to the parent instead of a dead pipe.
                    Console.WriteLine($"error {runId} {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
                }
            }
        }

        return 0;
    }

    /// <summary><c>--protocol</c>: the hub protocol the clients ask for, <c>messagepack</c> (default) or <c>json</c>.</summary>
    public static string Protocol(BenchArgs args) => args.Get("--protocol") switch
    {
        null or "messagepack" => "messagepack",
        "json" => "json",
        var other => throw new ArgumentException($"--protocol must be messagepack or json, not '{other}'."),
    };

    private static async Task FollowAsync(string url, string runId, int count, string protocol)
    {
        var latencies = new ConcurrentBag<double>();
        var events = 0;
        var clients = new List<(HubConnection Connection, TaskCompletionSource End)>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var builder = new HubConnectionBuilder().WithUrl(url + RunsHub.Path);
                var connection = (protocol == "json"
                    ? builder.AddJsonProtocol(o => RunStatusJson.ApplyTo(o.PayloadSerializerOptions))
                    : builder.AddMessagePackProtocol(o => o.SerializerOptions = RunEventMessagePack.Options)).Build();
                // The machine may be saturated by the training run itself; the defaults (15 s / 30 s) are for networks.
                connection.HandshakeTimeout = TimeSpan.FromMinutes(2);
                connection.ServerTimeout = TimeSpan.FromMinutes(5);
                var end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                void Receive(RunEventEnvelope e, bool live)
                {
                    Interlocked.Increment(ref events);
                    // Only live events measure delivery; replayed ones were emitted before this client subscribed.
                    if (live && e.Event is EpochCompleted)
                        latencies.Add((DateTimeOffset.UtcNow - e.At).TotalMilliseconds);
                    if (e.Event.IsTerminal)
                        end.TrySetResult();
                }

                connection.On<RunEventEnvelope>(nameof(IRunsClient.ReceiveEvent), e => Receive(e, live: true));
                connection.On<RunEventEnvelope[]>(nameof(IRunsClient.ReceiveEvents), batch =>
                {
                    foreach (var e in batch)
                        Receive(e, live: true);
                });
                connection.On<RunReplay>(nameof(IRunsClient.ReceiveReplay), r =>
                {
                    foreach (var e in r.Events)
                        Receive(e, live: false);
                });
                await connection.StartAsync();
                clients.Add((connection, end));
            }

            await Task.WhenAll(clients.Select(c => c.Connection.InvokeAsync(nameof(RunsHub.Subscribe), runId, (long?)0)));
            await Task.WhenAll(clients.Select(c => c.End.Task)).WaitAsync(TimeSpan.FromHours(2));
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
        }

        foreach (var ms in latencies)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lat {ms:F3}"));
        Console.WriteLine($"done {runId} {events}");
    }
}
