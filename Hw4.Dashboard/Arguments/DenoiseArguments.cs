using System.CommandLine;
using Hw4.Ml.Denoising;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// The options of <c>denoise</c>, and the two ways between them and a denoising run's settings: <see cref="Read"/>
/// (what the verb runs) and <see cref="Format"/> (the command a report prints for a recorded run), side by side so a
/// new setting is read and printed by the same hand.
/// </summary>
public sealed class DenoiseArguments
{
    /// <summary>The verb's name.</summary>
    public const string Verb = "denoise";

    /// <summary>What <c>--report-every</c> is when not given.</summary>
    public const int DefaultReportEvery = 50;

    /// <summary>Where the result goes without <c>--out</c>: the system temp folder, so runs from a checkout leave nothing in it.</summary>
    public static string DefaultOutputPath => Path.Combine(Path.GetTempPath(), "hw4-denoised.png");

    /// <summary><c>--json</c>, <c>--device</c>, <c>--threads</c>.</summary>
    public CommonOptions Common { get; } = new();

    /// <summary><c>--image</c>.</summary>
    public Option<FileInfo> Image { get; } = new("--image") { Description = "Noisy PNG or JPEG (at most 4096x4096, 20 MB).", Required = true };

    /// <summary><c>--clean</c>.</summary>
    public Option<FileInfo?> Clean { get; } = new("--clean") { Description = "Clean reference of the same size; enables PSNR." };

    /// <summary><c>--preset</c>.</summary>
    public Option<string> Preset { get; } = PresetOption();

    /// <summary><c>--norm</c>.</summary>
    public Option<string?> Norm { get; } = Choice("--norm", "N in loss = N(I - J) + alpha*(N(dJ/dx) + N(dJ/dy)), pixels 0-255: l1 = sum |t|, l2 = sum t^2 (squared L2).", DenoiseLabels.Norms);

    /// <summary><c>--optimizer</c>.</summary>
    public Option<string?> Optimizer { get; } = Choice("--optimizer",
        "gd = plain gradient descent J <- J - lr*grad; adam = Adam; primal-dual = Chambolle-Pock on the same loss (lr = primal step tau).", DenoiseLabels.Optimizers);

    /// <summary><c>--lr</c>.</summary>
    public Option<double?> Lr { get; } = new("--lr") { Description = "Learning rate (> 0); the primal step tau for primal-dual." };

    /// <summary><c>--alpha</c>.</summary>
    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Weight of the smoothness terms (>= 0)." };

    /// <summary><c>--steps</c>.</summary>
    public Option<int?> Steps { get; } = new("--steps") { Description = "Optimisation steps (>= 0)." };

    /// <summary><c>--report-every</c>.</summary>
    public Option<int> ReportEvery { get; } = new("--report-every")
    {
        Description = "Record the loss and PSNR (the run's curve) and print progress every N steps.",
        DefaultValueFactory = _ => DefaultReportEvery,
    };

    /// <summary><c>--out</c>.</summary>
    public Option<FileInfo?> Output { get; } = new("--out")
    {
        Description = $"Output PNG (or .jpg). Default: {DefaultOutputPath}. Clamped to 0-255 and rounded.",
    };

    /// <summary><c>--artifacts-dir</c>.</summary>
    public Option<string> ArtifactsDir { get; } = CommonOptions.ArtifactsDir("The run (settings, curves, input and output images, status) is kept there, as the dashboard's are.");

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Image, Clean, Preset, Norm, Optimizer, Lr, Alpha, Steps, ReportEvery, Output, ArtifactsDir })
            command.Options.Add(option);
        Common.AddTo(command);
    }

    /// <summary>
    /// The settings asked for (the preset of the chosen norm, then the explicit options over it) and the preset's name
    /// when the settings are exactly the preset's (null when an option changed them); a bad value is bad input.
    /// </summary>
    public (DenoiseOptions Options, string? Preset) Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // The preset is per norm: --norm l2 --preset best is l2's best point, not l1's with the norm swapped.
        var norm = parse.GetValue(Norm) is { } n ? DenoiseLabels.ParseNorm(n) : DenoiseNorm.L1;
        var name = parse.GetValue(Preset)!;
        var basis = DenoisePresets.Get(name, norm);
        var options = basis with
        {
            Optimizer = parse.GetValue(Optimizer) is { } o ? DenoiseLabels.ParseOptimizer(o) : basis.Optimizer,
            Lr = parse.GetValue(Lr) ?? basis.Lr,
            Alpha = parse.GetValue(Alpha) ?? basis.Alpha,
            Steps = parse.GetValue(Steps) ?? basis.Steps,
            ReportEvery = parse.GetValue(ReportEvery),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message, e);
        }

        return (options, options with { ReportEvery = basis.ReportEvery } == basis ? name : null);
    }

    /// <summary>
    /// The <c>denoise</c> command that denoises <paramref name="image"/> (against <paramref name="clean"/>) with the
    /// settings of <paramref name="config"/> again: every setting explicit, the preset named when the run came from one.
    /// </summary>
    public CliCommandLine Format(DenoiseRunConfig config, string image, string? clean)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The preview size is no option: the recipe sets it from the image (DenoiseRecipe.Queue).
        var o = config.Options;
        var line = new CliCommandLine(Verb).With(Image, CliCommandLine.PathArgument(image));
        if (clean is not null)
            line.With(Clean, CliCommandLine.PathArgument(clean));
        if (config.Preset is { } preset)
            line.With(Preset, preset);
        line.With(Norm, DenoiseLabels.Of(o.Norm))
            .With(Optimizer, DenoiseLabels.Of(o.Optimizer))
            .With(Lr, o.Lr)
            .With(Alpha, o.Alpha)
            .With(Steps, o.Steps);
        if (o.ReportEvery != DefaultReportEvery)
            line.With(ReportEvery, o.ReportEvery);
        return line;
    }

    private static Option<string> PresetOption()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "Settings for the chosen --norm: " + string.Join("; ", DenoisePresets.Names.Select(n => $"{n} = {DenoisePresets.Describe(n)}"))
                + " (docs/denoise-sweep.md). Explicit options override it.",
            DefaultValueFactory = _ => "seed",
        };
        preset.AcceptOnlyFromAmong([.. DenoisePresets.Names]);
        return preset;
    }

    private static Option<string?> Choice(string name, string description, IReadOnlyList<string> values)
    {
        var option = new Option<string?>(name) { Description = description };
        option.AcceptOnlyFromAmong([.. values]);
        return option;
    }
}
