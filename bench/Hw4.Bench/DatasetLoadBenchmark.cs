using System.Diagnostics;
using Hw4.Ml.Data;

namespace Hw4.Bench;

/// <summary>
/// dataset-load: times a cold load (decode from source into a fresh, empty cache folder) and a warm load (from the
/// decoded cache) of a dataset, several runs each, and prints every run and the medians.
/// </summary>
internal static class DatasetLoadBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new BenchArgs(argv);
        if (args.Has("--help"))
        {
            Console.WriteLine("dataset-load [--source PATH] [--runs N] [--threads N] [--verbose]");
            Console.WriteLine("dataset-load --once --cache-dir DIR [--source PATH] [--threads N] [--verbose]");
            Console.WriteLine("  PATH defaults to $HW4_DATA/datasets/cifar10-jpeg.zip, else ../shared/datasets/cifar10-jpeg.zip.");
            Console.WriteLine("  Default: N runs of (cold load into an empty temp cache, warm load) in this process; prints medians.");
            Console.WriteLine("  --once: a single load with the cache in DIR (kept), timed from process start too; run it");
            Console.WriteLine("  repeatedly to time warm loads in fresh processes, as a user's second start sees them.");
            return 0;
        }

        int runs;
        int? threads;
        try
        {
            runs = args.GetInt("--runs", 3);
            threads = args.Get("--threads") is null ? null : args.GetInt("--threads", 1);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var source = args.Get("--source") ?? DefaultSource();
        var verbose = args.Has("--verbose");
        if (args.Has("--once"))
            return Once(source, args.Get("--cache-dir"), threads, verbose);

        var cacheRoot = Path.Combine(Path.GetTempPath(), $"hw4-bench-cache-{Environment.ProcessId}");
        try
        {
            var cold = new List<double>();
            var warm = new List<double>();
            CifarData? data = null;
            for (var run = 0; run < runs; run++)
            {
                var cacheDir = Path.Combine(cacheRoot, $"run{run}");
                var options = new DatasetLoadOptions { CacheDirectory = cacheDir, MaxDegreeOfParallelism = threads };
                var (coldData, coldSeconds) = Time(() => DatasetLoader.Load(source, options, Trace(verbose)));
                var (warmData, warmSeconds) = Time(() => DatasetLoader.Load(source, options, Trace(verbose)));
                if (coldData.FromCache || !warmData.FromCache)
                    throw new InvalidOperationException("cache did not behave: the cold load must decode and the warm one read the cache");
                cold.Add(coldSeconds);
                warm.Add(warmSeconds);
                data = warmData;
                Console.WriteLine($"run {run + 1}: cold {coldSeconds:F2} s, warm {warmSeconds:F3} s");
                Directory.Delete(cacheDir, recursive: true);
            }

            Console.WriteLine($"source {data!.Source} ({data.Format}), sha256 {data.SourceHash[..16]}..., train {data.Train.Count}, test {data.Test.Count}, classes {data.Classes.Count}, threads {threads?.ToString() ?? Environment.ProcessorCount + " (all)"}");
            Console.WriteLine($"median cold {Median(cold):F2} s ({(data.Train.Count + data.Test.Count) / Median(cold):F0} img/s), median warm {Median(warm):F3} s over {runs} runs");
            return 0;
        }
        catch (DatasetException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        finally
        {
            if (Directory.Exists(cacheRoot))
                Directory.Delete(cacheRoot, recursive: true);
        }
    }

    private static int Once(string source, string? cacheDir, int? threads, bool verbose)
    {
        if (cacheDir is null)
        {
            Console.Error.WriteLine("--once needs --cache-dir DIR");
            return 2;
        }

        try
        {
            var options = new DatasetLoadOptions { CacheDirectory = cacheDir, MaxDegreeOfParallelism = threads };
            var (data, seconds) = Time(() => DatasetLoader.Load(source, options, Trace(verbose)));
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.WriteLine($"{(data.FromCache ? "warm" : "cold")} load {seconds:F3} s ({sinceStart.TotalSeconds:F3} s since process start), train {data.Train.Count}, test {data.Test.Count}");
            return 0;
        }
        catch (DatasetException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    // Synchronous progress (not Progress<T>, which posts to the thread pool) so stage times print in order.
    private static IProgress<DatasetLoadProgress>? Trace(bool verbose)
    {
        if (!verbose)
            return null;
        var clock = Stopwatch.StartNew();
        return new SyncProgress(p => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,7:F3} s  {p.Stage} {p.Done}/{p.Total}"));
    }

    private sealed class SyncProgress(Action<DatasetLoadProgress> report) : IProgress<DatasetLoadProgress>
    {
        public void Report(DatasetLoadProgress value) => report(value);
    }

    private static (CifarData Data, double Seconds) Time(Func<CifarData> load)
    {
        // Collect first so one run's garbage does not bill the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var data = load();
        return (data, clock.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string DefaultSource()
    {
        var env = Environment.GetEnvironmentVariable("HW4_DATA");
        return env is not null
            ? Path.Combine(env, "datasets", "cifar10-jpeg.zip")
            : Path.GetFullPath(Path.Combine("..", "shared", "datasets", "cifar10-jpeg.zip"));
    }
}
