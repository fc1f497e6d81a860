using System.Text.Json;
using Hw4.Ml.Data;
using Hw4.Ml.Devices;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;
using Hw4.Ml.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Transforms;
using TorchSharp;

namespace Hw4.Bench;

/// <summary>
/// <c>train</c>: training images per second with and without the standard augmentation (alternating, one epoch of
/// <c>--limit</c> images each, progress events on as in real runs), evaluation images per second, and peak RSS
/// (VmHWM). Uses the real <see cref="Trainer"/> so the figure includes batching, augmentation and reporting.
/// </summary>
internal static class TrainBenchmark
{
    public static int Run(string[] rawArgs)
    {
        try
        {
            var args = new BenchArgs(rawArgs);
            var limit = args.GetInt("--limit", 2048);
            var repeats = args.GetInt("--repeats", 3);
            var threads = args.GetInt("--threads", Environment.ProcessorCount);
            var kind = ModelFactory.ParseKind(args.Get("--model") ?? "cnn");
            var device = DeviceResolver.Parse(args.Get("--device") ?? "auto");
            var (train, eval) = LoadSets(args.Get("--data"), limit);
            var results = new List<(string Mode, double ImagesPerSecond, string Status)>();
            // An untimed warm-up epoch first (the first run of a process pays for allocator and kernel warm-up), then
            // ABBA order so that neither mode always runs first.
            TrainOnce(train.Subset(Enumerable.Range(0, Math.Min(512, train.Count)).ToArray()), eval, kind, device, threads, augment: true);
            for (var r = 0; r < repeats; r++)
            {
                foreach (var augment in r % 2 == 0 ? new[] { true, false } : new[] { false, true })
                    results.Add(TrainOnce(train, eval, kind, device, threads, augment));
            }

            var evalRate = EvaluateOnce(eval, kind, DeviceResolver.Resolve(device));
            var medAug = Median(results.Where(x => x.Mode == "augment").Select(x => x.ImagesPerSecond));
            var medPlain = Median(results.Where(x => x.Mode == "plain").Select(x => x.ImagesPerSecond));
            var hwm = PeakRssMegabytes();
            foreach (var (mode, rate, status) in results)
                Console.WriteLine($"train {mode,-8} {rate,8:F1} img/s ({status})");
            Console.WriteLine($"median: augment {medAug:F1} img/s, plain {medPlain:F1} img/s, overhead {(1 - medAug / medPlain) * 100:F1} %");
            Console.WriteLine($"eval {evalRate:F1} img/s on {eval.Count} images; peak RSS {hwm:F0} MB; threads {threads}; model {ModelFactory.Name(kind)}");
            if (args.Has("--json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    model = ModelFactory.Name(kind), limit, threads, train_augment_img_s = medAug, train_plain_img_s = medPlain,
                    augment_overhead = 1 - medAug / medPlain, eval_img_s = evalRate, peak_rss_mb = hwm,
                    runs = results.Select(x => new { mode = x.Mode, img_s = x.ImagesPerSecond, status = x.Status }),
                }, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }

            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or DatasetException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static (ImageSet Train, ImageSet Eval) LoadSets(string? data, int limit)
    {
        if (data is null)
        {
            // Synthetic pixels: speed does not depend on content.
            var random = new Random(0);
            var pixels = new byte[(long)(limit + 1000) * ImageSet.ImageBytes];
            random.NextBytes(pixels);
            var labels = Enumerable.Range(0, limit + 1000).Select(i => i % 10).ToArray();
            var all = new ImageSet(pixels, labels, CifarClasses.Official);
            return (all.Subset(Enumerable.Range(0, limit).ToArray()), all.Subset(Enumerable.Range(limit, 1000).ToArray()));
        }

        var loaded = DatasetLoader.Load(data, new DatasetLoadOptions());
        return (loaded.Train.Subset(Enumerable.Range(0, Math.Min(limit, loaded.Train.Count)).ToArray()), loaded.Test);
    }

    private static (string Mode, double ImagesPerSecond, string Status) TrainOnce(
        ImageSet train, ImageSet eval, ModelKind kind, DeviceOption device, int threads, bool augment)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hw4-bench-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TrainerOptions { Model = kind, Epochs = 1, Augment = augment, Threads = threads, Device = device, ProgressEveryBatches = 4 };
            double rate = 0;
            // The last progress event carries the epoch's training rate; validation is kept to one small batch.
            var trainer = new Trainer("bench", options, () => ModelFactory.Create(kind), dir,
                e => { if (e is BatchProgress p) rate = p.ImagesPerSecond; }, StandardAugmentation.Create());
            var result = trainer.Run(train, eval.Subset([0]));
            return (augment ? "augment" : "plain", rate, result.Status.Name());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static double EvaluateOnce(ImageSet eval, ModelKind kind, torch.Device device)
    {
        torch.manual_seed(0);
        using var model = ModelFactory.Create(kind);
        model.to(device);
        Evaluator.Predict(model, eval.Subset(Enumerable.Range(0, Math.Min(256, eval.Count)).ToArray()), device); // warm-up
        var predictions = Evaluator.Predict(model, eval, device);
        return eval.Count / predictions.Seconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double PeakRssMegabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
