using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Bench;

/// <summary>
/// <c>responsive</c>: is the dashboard usable while it trains, and what does that cost the run? One dashboard server in
/// this process, on a subset of the shared CIFAR-10 zip (<c>--train-per-class</c>, default 1,000; 100 test images a
/// class). Rounds alternate: the same run (cnn, <c>--epochs</c>, batch 64, augmentation, one seed) trained with nobody
/// browsing, then again while <c>--clients</c> page clients (default 20) each load a page, wait <c>--think-ms</c>
/// (default 1,000 ms, a person reading) and load the next, until the run ends. The pages, in turn from a different start
/// per client: Home, the runs list, the running run's page, Train, Compare, Denoise, Autograd, the run's status in the API. A load is
/// the whole server-rendered response, as a browser's first request gets it (not the interactive circuit after it).
/// Reports each round's training time, every page's latency (median, p95, max), the slowdown (median loaded round over
/// median quiet round) and the server's RSS after each run, after a full collection.
/// </summary>
internal static class ResponsiveBenchmark
{
    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var clients = args.GetInt("--clients", 20);
        var thinkMs = args.GetInt("--think-ms", 1000);
        var rounds = args.GetInt("--rounds", 2);
        var epochs = args.GetInt("--epochs", 2);
        var data = BenchData.SubsetDataDir(args.Get("--data-dir"), args.GetInt("--train-per-class", 1000), testPerClass: 100);
        var artifactsDir = Directory.CreateTempSubdirectory("hw4-bench-responsive-").FullName;
        var timeout = TimeSpan.FromMinutes(30);
        var quiet = new List<double>();
        var loaded = new List<double>();
        var loads = new List<PageLoad>();
        var rss = new List<(string Round, double Mb)>();
        try
        {
            await using var server = await BenchServer.StartAsync(artifactsDir, data, "--Hw4:Device", "cpu");
            var body = new { model = "cnn", epochs, batchSize = 64, lr = 1e-4, seed = 0, augment = true, valSize = 500 };

            // One unreported run first, browsed: it decodes the dataset and warms the pages, which no round should pay.
            await TrainAsync(server, body, clients, thinkMs, new ConcurrentBag<PageLoad>(), timeout, browsing: true);
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var browsing in new[] { false, true })
                {
                    var roundLoads = new ConcurrentBag<PageLoad>();
                    var seconds = await TrainAsync(server, body, clients, thinkMs, roundLoads, timeout, browsing);
                    (browsing ? loaded : quiet).Add(seconds);
                    loads.AddRange(roundLoads);
                    var memory = ProcessMemory.SampleAfterFullCollection();
                    var name = $"{round} {(browsing ? "browsed" : "quiet")}";
                    rss.Add((name, memory.RssMb));
                    var latencies = roundLoads.Select(l => l.Ms).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {name,-10}: run {seconds,6:F1} s; {(browsing ? $"{latencies.Count,4} page loads, p95 {Stats.Percentile(latencies, 95),6:F0} ms" : "nobody browsing")}; RSS {memory.RssMb:F0} MB, managed {memory.ManagedHeapMb:F0} MB; load average {LoadAverage()}"));
                }
            }

            var all = loads.Select(l => l.Ms).ToList();
            var slowdown = Stats.Median(loaded) / Stats.Median(quiet);
            var failed = loads.Count(l => l.Failure is not null);
            foreach (var page in loads.GroupBy(l => l.Page).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ms = page.Select(l => l.Ms).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {page.Key,-12} {ms.Count,4} loads: median {Stats.Median(ms),6:F0} ms, p95 {Stats.Percentile(ms, 95),6:F0} ms, max {ms.Max(),6:F0} ms"));
                foreach (var failure in page.Where(l => l.Failure is not null).GroupBy(l => l.Failure))
                    Console.WriteLine($"    failed {failure.Count()}: {failure.Key}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"responsive: {clients} clients, think {thinkMs} ms: page p95 {Stats.Percentile(all, 95):F0} ms (target <= 1500), median {Stats.Median(all):F0} ms, max {all.DefaultIfEmpty().Max():F0} ms, {failed} failed; " +
                $"training {Stats.Median(quiet):F1} s quiet, {Stats.Median(loaded):F1} s browsed (medians): slowed {(slowdown - 1) * 100:+0.0;-0.0} % (target <= 10 %); RSS after the last run {rss[^1].Mb:F0} MB"));
            if (args.Has("--json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    clients, think_ms = thinkMs, rounds, epochs,
                    quiet_seconds = quiet, browsed_seconds = loaded, slowdown_percent = (slowdown - 1) * 100,
                    page_p95_ms = Stats.Percentile(all, 95), page_median_ms = Stats.Median(all), failed,
                    pages = loads.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => new
                    {
                        loads = g.Count(), median_ms = Stats.Median(g.Select(l => l.Ms)), p95_ms = Stats.Percentile(g.Select(l => l.Ms), 95),
                    }),
                    rss_mb = rss.Select(r => new { round = r.Round, mb = r.Mb }),
                }));
            }

            return failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(artifactsDir, recursive: true);
        }
    }

    // Trains one run, browsed by the clients or not, and returns its wall time in seconds.
    private static async Task<double> TrainAsync(BenchServer server, object body, int clients, int thinkMs, ConcurrentBag<PageLoad> loads, TimeSpan timeout, bool browsing)
    {
        var id = await server.PostRunAsync(body);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var browsers = browsing
            ? Enumerable.Range(0, clients).Select(c => BrowseAsync(server, id, c, clients, thinkMs, loads, stop.Token)).ToArray()
            : [];
        var end = (RunEnded)await server.WaitForEndAsync(id, null, timeout);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(browsers);
        return end.Status == RunStatus.Completed ? seconds : throw new InvalidOperationException($"run {id} ended {end.Status.Name()}: {end.Message}");
    }

    private static async Task BrowseAsync(BenchServer server, string runId, int client, int clients, int thinkMs, ConcurrentBag<PageLoad> loads, CancellationToken stop)
    {
        string[] pages = ["/", "/runs", $"/runs/{runId}", "/train", "/compare", "/denoise", "/autograd", Hw4.Dashboard.Features.Api.RunsApi.StatusPath(runId)];
        // Clients start spread over one think time, as people do, not in one burst.
        var next = client % pages.Length;
        try
        {
            await Task.Delay(thinkMs * client / clients, stop);
            while (!stop.IsCancellationRequested)
            {
                var path = pages[next];
                next = (next + 1) % pages.Length;
                var clock = Stopwatch.StartNew();
                string? failure = null;
                try
                {
                    using var response = await server.Http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                    if (!response.IsSuccessStatusCode)
                        failure = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }

                loads.Add(new PageLoad(path.Replace(runId, "{live}", StringComparison.Ordinal), clock.Elapsed.TotalMilliseconds, failure));
                await Task.Delay(thinkMs, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private readonly record struct PageLoad(string Page, double Ms, string? Failure);
}
