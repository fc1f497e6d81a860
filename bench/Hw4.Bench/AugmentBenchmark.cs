using System.Diagnostics;
using System.Text.Json;
using Hw4.Ml.Devices;
using Hw4.Ml.Models;
using Hw4.Ml.Transforms;
using Hw4.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Bench;

/// <summary>
/// <c>augment</c>: median milliseconds per batch for ToTensor + the standard augmentation (and each transform alone)
/// against one Adam training step of each model on the same batch, so the augmentation share of a training step can be
/// read off directly. Synthetic pixels: the cost does not depend on image content.
/// </summary>
internal static class AugmentBenchmark
{
    public static int Run(string[] rawArgs)
    {
        try
        {
            var args = new BenchArgs(rawArgs);
            var batch = args.GetInt("--batch", 64);
            var iterations = args.GetInt("--iters", 200);
            var steps = args.GetInt("--steps", 30);
            if (args.Has("--threads"))
            {
                torch.set_num_threads(args.GetInt("--threads", 1));
            }

            var device = DeviceResolver.Resolve(DeviceResolver.Parse(args.Get("--device") ?? "auto"));
            return Measure(device, batch, iterations, steps, args.Has("--json"));
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static int Measure(Device device, int batch, int iterations, int steps, bool json)
    {
        torch.manual_seed(0);
        var pixels = new byte[batch * 3 * 32 * 32];
        new Random(0).NextBytes(pixels);
        var generator = new Generator(0);
        using var images = ToTensor.FromBytes(pixels, batch, 32, 32, device);

        var results = new Dictionary<string, Timing>
        {
            ["to_tensor_ms"] = MedianMs(iterations, device, () => ToTensor.FromBytes(pixels, batch, 32, 32, device)),
            ["flip_ms"] = MedianMs(iterations, device, () => new RandomHorizontalFlip().Apply(images, generator)),
            ["affine_ms"] = MedianMs(iterations, device, () => new RandomAffine(5, 0.8, 1.2).Apply(images, generator)),
            ["jitter_ms"] = MedianMs(iterations, device, () => new ColorJitter(0.8, 1.2, 0.8, 1.2).Apply(images, generator)),
        };
        var augmentation = StandardAugmentation.Create();
        results["augment_ms"] = MedianMs(iterations, device, () => augmentation.Apply(ToTensor.FromBytes(pixels, batch, 32, 32, device), generator));

        foreach (var kind in new[] { ModelKind.Cnn, ModelKind.Residual })
        {
            var name = ModelFactory.Name(kind);
            results[$"train_step_{name}_ms"] = TrainStepMs(kind, device, images, steps);
        }

        Console.WriteLine($"device={device.type} batch={batch} threads={torch.get_num_threads()} iters={iterations} steps={steps}");
        Console.WriteLine($"{"measure",-24} {"median",9} {"best",9}");
        foreach (var (key, value) in results)
        {
            Console.WriteLine($"{key,-24} {value.Median,9:F3} {value.Best,9:F3}");
        }

        // The share of (augmentation + step) spent augmenting, from medians and from best-of-run times.
        var shares = new Dictionary<string, double>();
        foreach (var name in new[] { "cnn", "residual" })
        {
            var augment = results["augment_ms"];
            var step = results[$"train_step_{name}_ms"];
            shares[$"augment_share_{name}_median"] = augment.Median / (augment.Median + step.Median);
            shares[$"augment_share_{name}_best"] = augment.Best / (augment.Best + step.Best);
            Console.WriteLine($"augment share ({name}): median {shares[$"augment_share_{name}_median"]:P1}, best {shares[$"augment_share_{name}_best"]:P1}");
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { results, shares }));
        }

        return 0;
    }

    private static Timing TrainStepMs(ModelKind kind, Device device, Tensor images, int steps)
    {
        using var model = ModelFactory.Create(kind);
        model.to(device);
        model.train();
        using var optimizer = new Hw4.Ml.Training.Adam(model.parameters(), lr: 1e-4);
        using var labels = randint(10, [images.shape[0]], dtype: ScalarType.Int64, device: device);
        using var loss = nn.CrossEntropyLoss();
        return MedianMs(steps, device, () =>
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(images), labels);
            l.backward();
            optimizer.step();
            return l;
        });
    }

    private readonly record struct Timing(double Median, double Best);

    /// <summary>Median (and fastest) wall time of <paramref name="body"/> after a warm-up tenth, synchronising CUDA so queued work counts.</summary>
    private static Timing MedianMs(int iterations, Device device, Func<Tensor> body)
    {
        var times = new List<double>(iterations);
        var warmup = Math.Max(3, iterations / 10);
        for (var i = 0; i < warmup + iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                body();
                if (device.type == DeviceType.CUDA)
                {
                    cuda.synchronize();
                }
            }

            if (i >= warmup)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return new Timing(times[times.Count / 2], times[0]);
    }
}
