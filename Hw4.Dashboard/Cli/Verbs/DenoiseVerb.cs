using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>
/// <c>denoise</c>: TV denoising of an image by autograd gradient descent, Adam or the primal-dual iteration, stored as a
/// denoising run in <c>--artifacts-dir</c> (the same folder the dashboard lists) through <see cref="DenoiseRecipe"/>, with a
/// copy of the result at <c>--out</c>. A diverged run (non-finite loss) exits 3 with one line on stderr and writes no image.
/// </summary>
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
            Description = "Settings for the chosen --norm. seed = gd, lr 0.9, alpha 1.5, 200 steps (the homework; l2 diverges there); "
                + "best = the norm's best stable point (l1: primal-dual, lr 0.5, alpha 1.5, 35 steps; l2: primal-dual, lr 0.2, alpha 1.5, 20 steps; "
                + "docs/denoise-sweep.md). Explicit options override it.",
            DefaultValueFactory = _ => "seed",
        };
        preset.AcceptOnlyFromAmong([.. DenoisePresets.Names]);
        var norm = new Option<string?>("--norm")
        {
            Description = "N in loss = N(I - J) + alpha*(N(dJ/dx) + N(dJ/dy)), pixels 0-255: l1 = sum |t|, l2 = sum t^2 (squared L2).",
        };
        norm.AcceptOnlyFromAmong([.. DenoiseLabels.Norms]);
        var optimizer = new Option<string?>("--optimizer")
        {
            Description = "gd = plain gradient descent J <- J - lr*grad; adam = Adam; primal-dual = Chambolle-Pock on the same loss (lr = primal step tau).",
        };
        optimizer.AcceptOnlyFromAmong([.. DenoiseLabels.Optimizers]);
        var lr = new Option<double?>("--lr") { Description = "Learning rate (> 0); the primal step tau for primal-dual." };
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
        var artifactsDir = CommonOptions.ArtifactsDir("The run (settings, curves, input and output images, status) is kept there, as the dashboard's are.");
        var common = new CommonOptions();

        var command = new Command(Name, "TV denoising: J starts at the noisy image and descends the loss (gd or Adam by autograd, or primal-dual); exit 3 if it diverges.")
        {
            image, clean, preset, norm, optimizer, lr, alpha, steps, reportEvery, output, artifactsDir,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            // The preset is per norm: --norm l2 --preset best is l2's best point, not l1's with the norm swapped.
            var chosenNorm = parse.GetValue(norm) is { } n ? DenoiseLabels.ParseNorm(n) : DenoiseNorm.L1;
            var basis = DenoisePresets.Get(parse.GetValue(preset)!, chosenNorm);
            var options = basis with
            {
                Optimizer = parse.GetValue(optimizer) is { } o ? DenoiseLabels.ParseOptimizer(o) : basis.Optimizer,
                Lr = parse.GetValue(lr) ?? basis.Lr,
                Alpha = parse.GetValue(alpha) ?? basis.Alpha,
                Steps = parse.GetValue(steps) ?? basis.Steps,
                ReportEvery = parse.GetValue(reportEvery),
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
            var imagePath = parse.GetValue(image)!.FullName;
            var noisy = ImageFile.Load(imagePath);
            var reference = parse.GetValue(clean) is { } cleanFile ? ImageFile.Load(cleanFile.FullName) : null;
            if (reference is not null && (reference.Width != noisy.Width || reference.Height != noisy.Height))
                throw new CliInputException(
                    $"--clean is {reference.Width}x{reference.Height} but --image is {noisy.Width}x{noisy.Height}; they must match.");
            var device = common.ResolveDevice(parse);
            var dir = DenoiseRecipe.Queue(Path.GetFullPath(parse.GetValue(artifactsDir)!),
                new DenoiseRunConfig { Options = options, Preset = parse.GetValue(preset), Source = imagePath }, noisy, reference, TimeProvider.System);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"denoise {dir.Id}: {noisy.Width}x{noisy.Height} norm={DenoiseLabels.Of(options.Norm)} optimizer={DenoiseLabels.Of(options.Optimizer)} lr={options.Lr} alpha={options.Alpha} steps={options.Steps} device={device}"));

            var progress = new InlineProgress<DenoiseProgress>(p => context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"step {p.Step}/{p.Steps} loss={p.Loss:G6}{(p.Psnr is { } db ? $" psnr={db:F2}" : "")}")));
            var run = DenoiseRecipe.Run(dir, device, sink: null, observer: progress, cancellationToken);
            if (run.Result is not { } result)
            {
                // Stopped (Ctrl+C) or failed: run.json says which and why; the folder keeps the last estimate, if any.
                context.Progress($"{run.Status.Name()}: {run.Message}");
                return Task.FromResult(run.Status == RunStatus.Stopped ? ExitCodes.Cancelled : ExitCodes.Failure);
            }

            if (result.Diverged)
            {
                // An outcome, not a crash: the numbers up to the last finite step, no image, exit 3.
                context.WriteResult(ToOutput(result, dir.Id, output: null), common.IsJson(parse));
                context.Progress($"{result.DivergenceMessage}; no image written");
                return Task.FromResult(ExitCodes.Diverged);
            }

            try
            {
                ImageFile.Save(result.Output!, outPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"Cannot write '{outPath}': {e.Message} (the run {dir.Id} keeps output.png)", e);
            }

            context.WriteResult(ToOutput(result, dir.Id, outPath), common.IsJson(parse));
            return Task.FromResult(run.Status == RunStatus.Completed ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }

    private static DenoiseOutput ToOutput(DenoiseResult result, string runId, string? output)
    {
        var options = result.Options;
        return new DenoiseOutput(runId, DenoiseLabels.Of(options.Norm), DenoiseLabels.Of(options.Optimizer), options.Lr, options.Alpha, options.Steps,
            result.Diverged ? "diverged" : "completed", result.DivergedAtStep,
            result.InitialLoss, result.FinalLoss, Round(result.PsnrInput), Round(result.PsnrOutput), Math.Round(result.Seconds, 3), output);
    }

    private static double? Round(double? psnr) => psnr is { } value && double.IsFinite(value) ? Math.Round(value, 4) : psnr;

    // Status "diverged": final_loss and psnr_output are the last finite ones, at the step before diverged_at_step.
    private sealed record DenoiseOutput(
        string RunId,
        string Norm,
        string Optimizer,
        double Lr,
        double Alpha,
        int Steps,
        string Status,
        int? DivergedAtStep,
        double InitialLoss,
        double FinalLoss,
        double? PsnrInput,
        double? PsnrOutput,
        double Seconds,
        string? Output);
}
