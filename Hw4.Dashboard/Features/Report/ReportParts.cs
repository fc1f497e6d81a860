using Hw4.Ml.Denoising;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Models;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// What each <see cref="ReportPart"/> is: its key (the report verb's <c>--KEY</c> option and the /report page's query
/// parameter), its title, which runs can fill it, the settings the homework asks of it, and how a run departs from them.
/// </summary>
public static class ReportParts
{
    /// <summary>Every part, in the report's order.</summary>
    public static IReadOnlyList<ReportPart> All { get; } = Enum.GetValues<ReportPart>();

    /// <summary>The denoising parts.</summary>
    public static IReadOnlyList<ReportPart> Denoising { get; } = [.. All.Where(IsDenoise)];

    /// <summary>The part's key: <c>l1</c>, <c>seed-l2</c>, <c>primal-dual-l1</c>, <c>cnn</c>, ….</summary>
    public static string Key(ReportPart part) => part switch
    {
        ReportPart.GdL1 => "l1",
        ReportPart.GdL2 => "l2",
        ReportPart.SeedL1 => "seed-l1",
        ReportPart.SeedL2 => "seed-l2",
        ReportPart.PrimalDualL1 => "primal-dual-l1",
        ReportPart.PrimalDualL2 => "primal-dual-l2",
        ReportPart.Cnn => "cnn",
        ReportPart.Residual => "residual",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "not a report part"),
    };

    /// <summary>The part as the report and the page name it: its homework problem, then <see cref="Label"/>.</summary>
    public static string Title(ReportPart part) => $"{(IsDenoise(part) ? "1.2" : "2")} {Label(part)}";

    /// <summary>The part without its problem number: <c>L1, gradient descent</c>, <c>Residual CNN</c>, ….</summary>
    public static string Label(ReportPart part) => part switch
    {
        ReportPart.GdL1 => "L1, gradient descent",
        ReportPart.GdL2 => "L2, gradient descent",
        ReportPart.SeedL1 => "L1, the seed's setting",
        ReportPart.SeedL2 => "L2, the seed's setting",
        ReportPart.PrimalDualL1 => "L1, primal-dual",
        ReportPart.PrimalDualL2 => "L2, primal-dual",
        ReportPart.Cnn => "CNN",
        ReportPart.Residual => "Residual CNN",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "not a report part"),
    };

    /// <summary>Whether the part is a denoising run.</summary>
    public static bool IsDenoise(ReportPart part) => part is not (ReportPart.Cnn or ReportPart.Residual);

    /// <summary>The norm of a denoising part.</summary>
    public static DenoiseNorm Norm(ReportPart part) =>
        part is ReportPart.GdL1 or ReportPart.SeedL1 or ReportPart.PrimalDualL1 ? DenoiseNorm.L1 : DenoiseNorm.L2;

    /// <summary>The model of a training part.</summary>
    public static ModelKind Model(ReportPart part) => part == ReportPart.Residual ? ModelKind.Residual : ModelKind.Cnn;

    /// <summary>The preset a denoising part stands for (<c>gd</c>, <c>seed</c> or <c>best</c>).</summary>
    public static string Preset(ReportPart part) => part switch
    {
        ReportPart.GdL1 or ReportPart.GdL2 => "gd",
        ReportPart.SeedL1 or ReportPart.SeedL2 => "seed",
        ReportPart.PrimalDualL1 or ReportPart.PrimalDualL2 => "best",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "not a denoising part"),
    };

    /// <summary>The settings the homework asks of a denoising part (its preset for its norm).</summary>
    public static DenoiseOptions Settings(ReportPart part) => DenoisePresets.Get(Preset(part), Norm(part));

    /// <summary>
    /// Whether <paramref name="record"/> can fill <paramref name="part"/>: a training run of its model, or a denoising
    /// run of its norm and optimizer (its other settings may differ: they are then marked).
    /// </summary>
    public static bool IsCandidate(RunRecord record, ReportPart part)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsDenoise(part))
            return record.Kind == RunKinds.Train && record.Config is { } c && c.Model == Model(part);
        return record.Kind == RunKinds.Denoise && record.Denoise is { } d && d.Options.Norm == Norm(part) && d.Options.Optimizer == Settings(part).Optimizer;
    }

    /// <summary>Whether a candidate run has finished as the part needs: completed, or for a denoising run also diverged (the seed's L2 does).</summary>
    public static bool IsFinished(RunRecord record, ReportPart part)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status == RunStatus.Completed || (IsDenoise(part) && record.Status == RunStatus.Diverged);
    }

    /// <summary>How <paramref name="record"/> departs from what the homework asks of <paramref name="part"/>; empty when it is the homework's.</summary>
    public static IReadOnlyList<RecipeDifference> Differences(RunRecord record, ReportPart part)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsDenoise(part)
            ? HomeworkRecipe.Differences(record.DenoiseConfig().Options, Settings(part))
            : HomeworkRecipe.Differences(record.TrainingConfig());
    }
}
