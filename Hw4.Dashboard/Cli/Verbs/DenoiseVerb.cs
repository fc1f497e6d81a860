using System.CommandLine;
using System.Globalization;
using Hw4.Dashboard.Arguments;
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
    public static string DefaultOutputPath => DenoiseArguments.DefaultOutputPath;

    /// <inheritdoc />
    public string Name => DenoiseArguments.Verb;

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var arguments = new DenoiseArguments();
        var common = arguments.Common;
        var command = new Command(Name, "TV denoising: J starts at the noisy image and descends the loss (gd or Adam by autograd, or primal-dual); exit 3 if it diverges.");
        arguments.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var (options, preset) = arguments.Read(parse);
            // Checked before the work: a directory or a pipe there would fail (or block) only after every step.
            var outPath = OutputTarget.Check("--out", parse.GetValue(arguments.Output)?.FullName ?? DefaultOutputPath);
            var imagePath = parse.GetValue(arguments.Image)!.FullName;
            var noisy = ImageFile.Load(imagePath);
            var reference = parse.GetValue(arguments.Clean) is { } cleanFile ? ImageFile.Load(cleanFile.FullName) : null;
            if (reference is not null && (reference.Width != noisy.Width || reference.Height != noisy.Height))
                throw new CliInputException(
                    $"--clean is {reference.Width}x{reference.Height} but --image is {noisy.Width}x{noisy.Height}; they must match.");
            var device = common.ResolveDevice(parse);
            var dir = DenoiseRecipe.Queue(Path.GetFullPath(parse.GetValue(arguments.ArtifactsDir)!),
                new DenoiseRunConfig { Options = options, Preset = preset, Source = imagePath }, noisy, reference, TimeProvider.System);
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
