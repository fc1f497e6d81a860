using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>denoise-sweep</c>: a grid norm × α × lr of TV denoising against a clean reference. One point per cell and the best
/// completed point of each norm; with gd the cells of a norm run as one batched tensor program (docs/denoise-sweep.md).
/// </summary>
public sealed class DenoiseSweepVerb : ICliVerb
{
    /// <inheritdoc />
    public string Name => "denoise-sweep";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var image = new Option<FileInfo>("--image") { Description = "Noisy PNG or JPEG (at most 4096x4096, 20 MB).", Required = true };
        var clean = new Option<FileInfo>("--clean") { Description = "Clean reference of the same size (PSNR ranks the points).", Required = true };
        var norms = new Option<string>("--norms") { Description = "Comma-separated norms.", DefaultValueFactory = _ => "l1,l2" };
        var alphas = new Option<string?>("--alphas")
        {
            Description = $"Comma-separated alpha values for every norm. Default: l1 {List(DenoiseSweepOptions.DefaultAlphas(DenoiseNorm.L1))}; l2 {List(DenoiseSweepOptions.DefaultAlphas(DenoiseNorm.L2))}.",
        };
        var lrs = new Option<string?>("--lrs")
        {
            Description = $"Comma-separated learning rates for every norm. Default: l1 {List(DenoiseSweepOptions.DefaultLrs(DenoiseNorm.L1))}; l2 {List(DenoiseSweepOptions.DefaultLrs(DenoiseNorm.L2))}.",
        };
        var steps = new Option<int>("--steps") { Description = "Steps per point (>= 0).", DefaultValueFactory = _ => 200 };
        var optimizer = new Option<string>("--optimizer")
        {
            Description = "Update rule of every point: gd (the homework's), adam or primal-dual (lr = primal step tau).",
            DefaultValueFactory = _ => "gd",
        };
        optimizer.AcceptOnlyFromAmong([.. DenoiseLabels.Optimizers]);
        var batching = new Option<string>("--batching")
        {
            Description = "gd only: batched = the points of a norm as one K x C x H x W tensor program; sequential = one after another; "
                + "auto = batched on CUDA, sequential on the CPU (where batching measured slower).",
            DefaultValueFactory = _ => "auto",
        };
        batching.AcceptOnlyFromAmong("auto", "batched", "sequential");
        var maxBatch = new Option<int>("--max-batch")
        {
            Description = "Most points in one batched program (6 keeps a stacked 768x512 image under glibc's 32 MiB mmap cap).",
            DefaultValueFactory = _ => 6,
        };
        var common = new CommonOptions();

        var command = new Command(Name, "Sweeps norm x alpha x lr of TV denoising; prints every point and the best of each norm.")
        {
            image, clean, norms, alphas, lrs, steps, optimizer, batching, maxBatch,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new DenoiseSweepOptions(
                ParseList(parse.GetValue(norms)!, "--norms", DenoiseLabels.ParseNorm).Distinct().ToList(),
                parse.GetValue(alphas) is { } a ? ParseList(a, "--alphas", ParseNumber) : null,
                parse.GetValue(lrs) is { } l ? ParseList(l, "--lrs", ParseNumber) : null,
                parse.GetValue(steps),
                DenoiseLabels.ParseOptimizer(parse.GetValue(optimizer)!),
                Batched: parse.GetValue(batching) switch { "batched" => true, "sequential" => false, _ => null },
                MaxBatch: parse.GetValue(maxBatch));
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliInputException(e.Message, e);
            }

            var noisy = ImageFile.Load(parse.GetValue(image)!.FullName);
            var reference = ImageFile.Load(parse.GetValue(clean)!.FullName);
            if (reference.Width != noisy.Width || reference.Height != noisy.Height)
                throw new CliInputException(
                    $"--clean is {reference.Width}x{reference.Height} but --image is {noisy.Width}x{noisy.Height}; they must match.");
            var device = common.ResolveDevice(parse);
            var cells = options.Norms.Sum(n => options.AlphasFor(n).Count * options.LrsFor(n).Count);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"denoise-sweep: {noisy.Width}x{noisy.Height} {cells} points optimizer={DenoiseLabels.Of(options.Optimizer)} steps={options.Steps} device={device}"));

            var progress = new InlineProgress<DenoiseSweepPoint>(p => context.Progress(Describe(p)));
            var result = TvSweep.Run(noisy, reference, options, device, progress, cancellationToken);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"{(result.Batched ? "batched" : "sequential")}: {result.Seconds:F2} s in all"));

            var output = new SweepOutput(
                [.. result.Points.Select(ToOutput)],
                result.Best.ToDictionary(kv => DenoiseLabels.Of(kv.Key), kv => ToOutput(kv.Value)),
                DenoiseLabels.Of(options.Optimizer),
                options.Steps,
                result.Batched,
                Math.Round(result.Seconds, 3));
            if (common.IsJson(parse))
            {
                context.WriteResult(output, json: true);
            }
            else
            {
                foreach (var point in result.Points)
                    context.Out.WriteLine(Describe(point));
                foreach (var (norm, best) in result.Best)
                    context.Out.WriteLine($"best {Describe(best)}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string List(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static string Describe(DenoiseSweepPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"{DenoiseLabels.Of(p.Norm)} alpha={p.Alpha} lr={p.Lr} psnr={p.Psnr:F4} final_loss={p.FinalLoss:G6} {(p.Diverged ? $"diverged at step {p.DivergedAtStep}" : "completed")} {p.Seconds:F2} s");

    private static double ParseNumber(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException($"'{token}' is not a number.");

    private static List<T> ParseList<T>(string text, string option, Func<string, T> parse)
    {
        var tokens = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length == 0)
            throw new CliInputException($"{option} needs at least one value.");
        try
        {
            return [.. tokens.Select(parse)];
        }
        catch (CliInputException e)
        {
            throw new CliInputException($"{option}: {e.Message}", e);
        }
    }

    private static double? Round(double? psnr) => psnr is { } value && double.IsFinite(value) ? Math.Round(value, 4) : psnr;

    private static PointOutput ToOutput(DenoiseSweepPoint p) =>
        new(DenoiseLabels.Of(p.Norm), p.Alpha, p.Lr, Round(p.Psnr), p.FinalLoss, p.Diverged, Math.Round(p.Seconds, 3));

    private sealed record PointOutput(string Norm, double Alpha, double Lr, double? Psnr, double FinalLoss, bool Diverged, double Seconds);

    private sealed record SweepOutput(
        IReadOnlyList<PointOutput> Points, IReadOnlyDictionary<string, PointOutput> Best, string Optimizer, int Steps, bool Batched, double Seconds);
}
