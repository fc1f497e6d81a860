using System.Globalization;
using System.Text.Json;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Bench;

/// <summary>
/// <c>stream</c>: what live streaming costs a real training run in the real dashboard. The server runs in this
/// process; the SignalR clients run in a <c>stream-clients</c> child process. Reports
/// (1) training img/s with 0 and with N clients subscribed to the run, alternating A/B with the same seed and limit,
/// each run and the medians and ratio (the data is a subset of the shared zip with <c>--test-size</c> test images); (2) the server's RSS and managed heap at epoch ends with 0 and N clients;
/// (3) epoch end → client receipt latency over many tiny epochs with N clients, p50 and p95.
/// </summary>
internal static class StreamBenchmark
{
    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var limit = args.GetInt("--limit", 2048);
        var epochs = args.GetInt("--epochs", 1);
        var repeats = args.GetInt("--repeats", 3);
        var clients = args.GetInt("--clients", 20);
        var batchSize = args.GetInt("--batch-size", 64);
        var valSize = args.GetInt("--val-size", 500);
        var seed = args.GetInt("--seed", 42);
        var latencyEpochs = args.GetInt("--latency-epochs", 50);
        var model = args.Get("--model") ?? "cnn";
        var testSize = args.GetInt("--test-size", 500);
        var protocol = StreamClientsCommand.Protocol(args);
        // Hw4:Streaming:BatchMessagesPerSecond for the server: how many bundles of batches a second per run (default 4).
        var batchRate = args.Get("--batch-rate") ?? "4";
        var artifactsDir = Directory.CreateTempSubdirectory("hw4-bench-stream-").FullName;
        var timeout = TimeSpan.FromHours(2);
        try
        {
            // Enough training images per class for the limit plus the validation hold-out (the split is random).
            var data = BenchData.SubsetDataDir(args.Get("--data"), (limit + valSize) / 10 + 100, Math.Max(1, testSize / 10));
            await using var server = await BenchServer.StartAsync(artifactsDir, data, "--Hw4:Streaming:BatchMessagesPerSecond", batchRate);
            await using var children = await ClientProcess.StartAsync(server.Url, clients, protocol);
            object Body(int e, int l, int b, int v) => new { model, epochs = e, batchSize = b, lr = 1e-4, seed, augment = true, limit = l, valSize = v };

            // Warm-up: loads and caches the data set, JITs the trainer, the hub and the clients' process; not reported.
            var warm = await server.PostRunAsync(Body(1, Math.Min(limit, 256), batchSize, Math.Min(valSize, 64)));
            var warmFollow = children.FollowAsync(warm);
            await server.WaitForEndAsync(warm, null, timeout);
            await warmFollow;

            var runs = new List<(int Clients, double ImagesPerSecond, double Seconds, ProcessMemory Memory, int ClientEvents, string End)>();
            for (var r = 0; r < repeats; r++)
            {
                // ABBA order: neither setting always runs first (allocator growth and warm caches favour later runs).
                foreach (var n in r % 2 == 0 ? new[] { 0, clients } : [clients, 0])
                {
                    var id = await server.PostRunAsync(Body(epochs, limit, batchSize, valSize));
                    var rates = new List<double>();
                    var memory = ProcessMemory.Sample();
                    var follow = n > 0 ? children.FollowAsync(id) : Task.FromResult((new List<double>(), 0));
                    var end = await server.WaitForEndAsync(id, e =>
                    {
                        if (e.Event is not EpochCompleted c)
                            return;
                        lock (rates)
                        {
                            rates.Add(c.ImagesPerSecond);
                            memory = ProcessMemory.Max(memory, ProcessMemory.Sample());
                        }
                    }, timeout);
                    var (_, events) = await follow;
                    var finished = end as RunEnded;
                    runs.Add((n, rates.Count > 0 ? rates.Average() : double.NaN, finished?.Seconds ?? double.NaN, memory, events, end.GetType().Name));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {r + 1} clients {n,2}: {runs[^1].ImagesPerSecond,8:F1} img/s, {runs[^1].Seconds,6:F1} s, RSS {memory.RssMb:F0} MB, managed {memory.ManagedHeapMb:F1} MB, client events {events} ({runs[^1].End})"));
                }
            }

            Console.WriteLine($"clients' hub protocol: {protocol}");
            var med0 = Stats.Median(runs.Where(x => x.Clients == 0).Select(x => x.ImagesPerSecond));
            var medN = Stats.Median(runs.Where(x => x.Clients == clients).Select(x => x.ImagesPerSecond));
            var mem0 = runs.Where(x => x.Clients == 0).Select(x => x.Memory).Aggregate(ProcessMemory.Max);
            var memN = runs.Where(x => x.Clients == clients).Select(x => x.Memory).Aggregate(ProcessMemory.Max);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median img/s: 0 clients {med0:F1}, {clients} clients {medN:F1}, ratio {medN / med0:F3} ({(1 - medN / med0) * 100:F1} % slower)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server memory at epoch ends (max): 0 clients RSS {mem0.RssMb:F0} MB, managed {mem0.ManagedHeapMb:F1} MB (GC heap {mem0.GcHeapSizeMb:F1} MB); {clients} clients RSS {memN.RssMb:F0} MB, managed {memN.ManagedHeapMb:F1} MB (GC heap {memN.GcHeapSizeMb:F1} MB)"));

            // Latency: many tiny epochs (one small batch of training, a tiny validation pass) followed by N clients.
            var latencyRun = await server.PostRunAsync(Body(latencyEpochs, batchSize, batchSize, 16));
            var latencyFollow = children.FollowAsync(latencyRun);
            await server.WaitForEndAsync(latencyRun, null, timeout);
            var (latencies, _) = await latencyFollow;
            var p50 = Stats.Percentile(latencies, 50);
            var p95 = Stats.Percentile(latencies, 95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch end -> client latency ({latencies.Count} receipts = {latencyEpochs} epochs x {clients} clients): p50 {p50:F2} ms, p95 {p95:F2} ms, max {latencies.DefaultIfEmpty(double.NaN).Max():F2} ms"));

            if (args.Has("--json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    model, limit, epochs, batch_size = batchSize, clients, protocol, seed,
                    runs = runs.Select(x => new { clients = x.Clients, img_s = x.ImagesPerSecond, seconds = x.Seconds, rss_mb = x.Memory.RssMb, managed_mb = x.Memory.ManagedHeapMb, client_events = x.ClientEvents, end = x.End }),
                    median_img_s_0 = med0, median_img_s_n = medN, ratio = medN / med0,
                    rss_mb_0 = mem0.RssMb, rss_mb_n = memN.RssMb, managed_mb_0 = mem0.ManagedHeapMb, managed_mb_n = memN.ManagedHeapMb,
                    latency_receipts = latencies.Count, latency_p50_ms = p50, latency_p95_ms = p95,
                }, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(artifactsDir, recursive: true);
        }
    }
}
