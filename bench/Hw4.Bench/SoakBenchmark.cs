using System.Globalization;
using System.Text.Json;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Bench;

/// <summary>
/// <c>soak</c>: one dashboard server (in this process) trains <c>--runs</c> runs one after another through
/// <c>POST /api/runs</c> (cnn, 1 epoch, <c>--limit</c> images, <c>--val-size</c> validation, the full test split by
/// default), and after each run samples the process's RSS and, after a full collection, its managed heap. A lab server
/// runs for weeks: after the first few runs both should stay flat. Prints one line per run and a summary (RSS of runs
/// 3–5 as the baseline, the largest later RSS and the growth in percent; the managed heap likewise).
/// </summary>
internal static class SoakBenchmark
{
    public static int Run(string[] rawArgs) => BenchArgs.Run(rawArgs, RunAsync);

    private static async Task<int> RunAsync(BenchArgs args)
    {
        var runs = args.GetInt("--runs", 50);
        var limit = args.GetInt("--limit", 2048);
        var valSize = args.GetInt("--val-size", 500);
        var artifactsDir = Directory.CreateTempSubdirectory("hw4-bench-soak-").FullName;
        var timeout = TimeSpan.FromMinutes(30);
        var samples = new List<(int Run, double Seconds, double RssMb, double HeapMb, string End)>();
        try
        {
            await using var server = await BenchServer.StartAsync(artifactsDir, args.Get("--data-dir"), "--Hw4:Device", "cpu");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var r = 1; r <= runs; r++)
            {
                var started = clock.Elapsed.TotalSeconds;
                var id = await server.PostRunAsync(new { model = "cnn", epochs = 1, batchSize = 64, lr = 1e-4, seed = r, augment = true, limit, valSize });
                var end = (RunEnded)await server.WaitForEndAsync(id, null, timeout);
                var memory = ProcessMemory.SampleAfterFullCollection();
                samples.Add((r, clock.Elapsed.TotalSeconds - started, memory.RssMb, memory.ManagedHeapMb, end.Status.Name()));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {r,3}: {end.Status.Name(),-9} {samples[^1].Seconds,6:F1} s  RSS {memory.RssMb,7:F0} MB  managed {memory.ManagedHeapMb,6:F1} MB"));
                if (end.Status != RunStatus.Completed)
                    Console.Error.WriteLine($"run {r} ended {end.Status.Name()}: {end.Message}");
            }

            var baseline = Stats.Median(samples.Where(s => s.Run is >= 3 and <= 5).Select(s => s.RssMb));
            var later = samples.Where(s => s.Run > 5).ToList();
            var maxLater = later.Count > 0 ? later.Max(s => s.RssMb) : double.NaN;
            var heapBase = Stats.Median(samples.Where(s => s.Run is >= 3 and <= 5).Select(s => s.HeapMb));
            var heapMax = later.Count > 0 ? later.Max(s => s.HeapMb) : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: RSS baseline (runs 3-5) {baseline:F0} MB, max after run 5 {maxLater:F0} MB ({(maxLater / baseline - 1) * 100:+0.0;-0.0} %); managed heap {heapBase:F1} -> max {heapMax:F1} MB"));
            if (args.Has("--json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    runs = samples.Select(s => new { run = s.Run, seconds = s.Seconds, rss_mb = s.RssMb, managed_mb = s.HeapMb, end = s.End }),
                    rss_baseline_mb = baseline,
                    rss_max_after_5_mb = maxLater,
                    rss_growth_percent = (maxLater / baseline - 1) * 100,
                    managed_baseline_mb = heapBase,
                    managed_max_after_5_mb = heapMax,
                }));
            }

            return samples.All(s => s.End == RunStatus.Completed.Name()) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(artifactsDir, recursive: true);
        }
    }
}
