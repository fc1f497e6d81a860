using System.Diagnostics;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hw4.Bench;

/// <summary>
/// <c>notifier</c>: what publishing costs the training thread. Publishes BatchProgress events for several runs as fast
/// as possible through the real notifier, pump and hub context (no hub clients) with component subscribers attached,
/// and reports the per-call Publish time (median, p99, max), how many events the throttle let through and the time
/// for the pump to drain.
/// </summary>
internal static class NotifierBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        var events = a.GetInt("--events", 200_000);
        var runs = a.GetInt("--runs", 2);
        var subscribers = a.GetInt("--subscribers", 4);

        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddRunStreaming();
        using var services = collection.BuildServiceProvider();
        var pump = services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        pump.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var notifier = services.GetRequiredService<RunEventNotifier>();

        var delivered = 0L;
        var finished = new CountdownEvent(runs * subscribers);
        var subs = Enumerable.Range(0, runs).SelectMany(r => Enumerable.Range(0, subscribers).Select(_ =>
            notifier.Subscribe($"bench-{r}", 0, e =>
            {
                Interlocked.Increment(ref delivered);
                if (e.Event is RunEnded)
                    finished.Signal();
            }))).ToList();

        var ticks = new long[events];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            var start = Stopwatch.GetTimestamp();
            notifier.Publish(new BatchProgress($"bench-{i % runs}", 1, i, events, i, 1.0 / (i + 1), 1.0 / (i + 1), 1000, null));
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        var publishSeconds = wall.Elapsed.TotalSeconds;
        for (var r = 0; r < runs; r++)
            notifier.Publish(new RunEnded($"bench-{r}", Hw4.Ml.Lifecycle.RunStatus.Completed, null, publishSeconds));
        var drained = finished.Wait(TimeSpan.FromSeconds(60));
        var drainSeconds = wall.Elapsed.TotalSeconds - publishSeconds;

        Array.Sort(ticks);
        double Ns(long t) => t * 1e9 / Stopwatch.Frequency;
        Console.WriteLine($"notifier: {events:N0} BatchProgress over {runs} runs, {subscribers} component subscribers per run");
        Console.WriteLine($"publish per call: median {Ns(ticks[events / 2]):0} ns, p99 {Ns(ticks[(int)(events * 0.99)]):0} ns, max {Ns(ticks[^1]) / 1e3:0.0} µs");
        Console.WriteLine($"publish loop: {publishSeconds * 1e3:0.0} ms ({events / publishSeconds / 1e6:0.00} M events/s)");
        Console.WriteLine($"delivered to components: {delivered:N0} (throttled to <= 10/s/run, plus coalesced latest and RunEnded)");
        Console.WriteLine($"pump drained after publishing: {(drained ? $"{drainSeconds * 1e3:0.0} ms" : "NOT within 60 s")}");

        foreach (var s in subs)
            s.Dispose();
        pump.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return drained ? 0 : 1;
    }
}
