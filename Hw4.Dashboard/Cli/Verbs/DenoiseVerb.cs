using System.CommandLine;
using System.Globalization;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary><c>denoise</c>: TV denoising of an image by autograd gradient descent (or Adam).</summary>
public sealed class DenoiseVerb : ICliVerb
{
    /// <summary>Where the result goes without <c>--out</c>: the system temp folder, so runs from a checkout leave nothing in it.</summary>
    public static string DefaultOutputPath => Path.Combine(Path.GetTempPath(), "hw4-denoised.png");

    /// <inheritdoc />
    public string Name => "denoise";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var image = new Option<FileInfo>("--image") { Description = "Noisy PNG or JPEG (at most 4096x4096, 20 MB).", Required = true };
        var clean = new Option<FileInfo?>("--clean") { Description = "Clean reference of the same size; enables PSNR." };
        var preset = new Option<string>("--preset")
        {
            Description = "seed = l1, gd, lr 0.9, alpha 1.5, 200 steps (the homework); best = l1, gd, lr 0.1, alpha 1.5, 200 steps (measured best, docs/denoise-sweep.md). Explicit options override it.",
            DefaultValueFactory = _ => "seed",
        };
        preset.AcceptOnlyFromAmong([.. DenoisePresets.Names]);
        var norm = new Option<string?>("--norm")
        {
            Description = "N in loss = N(I - J) + alpha*(N(dJ/dx) + N(dJ/dy)), pixels 0-255: l1 = sum |t|, l2 = sum t^2 (squared L2).",
        };
        norm.AcceptOnlyFromAmong("l1", "l2");
        var optimizer = new Option<string?>("--optimizer") { Description = "gd = plain gradient descent J <- J - lr*grad; adam = Adam." };
        optimizer.AcceptOnlyFromAmong("gd", "adam");
        var lr = new Option<double?>("--lr") { Description = "Learning rate (> 0)." };
        var alpha = new Option<double?>("--alpha") { Description = "Weight of the smoothness terms (>= 0)." };
        var steps = new Option<int?>("--steps") { Description = "Optimisation steps (>= 0)." };
        var reportEvery = new Option<int>("--report-every")
        {
            Description = "Print progress to stderr every N steps.",
            DefaultValueFactory = _ => 50,
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = $"Output PNG (or .jpg). Default: {DefaultOutputPath}. Clamped to 0-255 and rounded.",
        };
        var common = new CommonOptions();

        var command = new Command(Name, "TV denoising by autograd: J starts at the noisy image and descends the loss.")
        {
            image, clean, preset, norm, optimizer, lr, alpha, steps, reportEvery, output,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var basis = DenoisePresets.Get(parse.GetValue(preset)!);
            var options = basis with
            {
                Norm = parse.GetValue(norm) is { } n ? ParseNorm(n) : basis.Norm,
                Optimizer = parse.GetValue(optimizer) is { } o ? ParseOptimizer(o) : basis.Optimizer,
                Lr = parse.GetValue(lr) ?? basis.Lr,
                Alpha = parse.GetValue(alpha) ?? basis.Alpha,
                Steps = parse.GetValue(steps) ?? basis.Steps,
                ReportEvery = parse.GetValue(reportEvery),
                // The CLI prints numbers only; a tiny preview keeps reporting cheap.
                PreviewMaxSide = 8,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliInputException(e.Message, e);
            }

            var outPath = parse.GetValue(output)?.FullName ?? DefaultOutputPath;
            var noisy = ImageFile.Load(parse.GetValue(image)!.FullName);
            var reference = parse.GetValue(clean) is { } cleanFile ? ImageFile.Load(cleanFile.FullName) : null;
            if (reference is not null && (reference.Width != noisy.Width || reference.Height != noisy.Height))
                throw new CliInputException(
                    $"--clean is {reference.Width}x{reference.Height} but --image is {noisy.Width}x{noisy.Height}; they must match.");
            var device = common.ResolveDevice(parse);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"denoise: {noisy.Width}x{noisy.Height} norm={Label(options.Norm)} optimizer={Label(options.Optimizer)} lr={options.Lr} alpha={options.Alpha} steps={options.Steps} device={device}"));

            var progress = new InlineProgress<DenoiseProgress>(p => context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"step {p.Step}/{p.Steps} loss={p.Loss:G6}{(p.Psnr is { } db ? $" psnr={db:F2}" : "")}")));
            var result = TvDenoiser.Run(noisy, reference, options, device, progress, cancellationToken);

            try
            {
                ImageFile.Save(result.Output, outPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"Cannot write '{outPath}': {e.Message}", e);
            }

            context.WriteResult(
                new DenoiseOutput(Label(options.Norm), Label(options.Optimizer), options.Lr, options.Alpha, options.Steps,
                    result.InitialLoss, result.FinalLoss, Round(result.PsnrInput), Round(result.PsnrOutput),
                    Math.Round(result.Seconds, 3), outPath),
                common.IsJson(parse));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static DenoiseNorm ParseNorm(string value) => value == "l2" ? DenoiseNorm.L2 : DenoiseNorm.L1;

    private static DenoiseOptimizer ParseOptimizer(string value) => value == "adam" ? DenoiseOptimizer.Adam : DenoiseOptimizer.Gd;

    private static string Label(DenoiseNorm norm) => norm == DenoiseNorm.L2 ? "l2" : "l1";

    private static string Label(DenoiseOptimizer optimizer) => optimizer == DenoiseOptimizer.Adam ? "adam" : "gd";

    private static double? Round(double? psnr) => psnr is { } value && double.IsFinite(value) ? Math.Round(value, 4) : psnr;

    private sealed record DenoiseOutput(
        string Norm,
        string Optimizer,
        double Lr,
        double Alpha,
        int Steps,
        double InitialLoss,
        double FinalLoss,
        double? PsnrInput,
        double? PsnrOutput,
        double Seconds,
        string Output);
}
