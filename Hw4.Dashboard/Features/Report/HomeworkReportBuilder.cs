using System.Globalization;
using Hw4.Dashboard.Features.Export;
using Hw4.Ml.Autograd;
using Hw4.Ml.Data;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Assembles the <see cref="HomeworkReport"/> from an artifacts folder: by default the newest completed run of each model
/// and the newest completed denoising run of each norm, read through the one run-folder reader. Blocking (it runs the
/// Taylor check, builds both models and may load the dataset): call it off a UI thread.
/// </summary>
public static class HomeworkReportBuilder
{
    /// <summary>Training images shown in the augmentation grid.</summary>
    public const int AugmentedImages = 3;

    /// <summary>Draws of the augmentation per image.</summary>
    public const int AugmentationDraws = 6;

    /// <summary>The most terms of the error-versus-terms curve.</summary>
    public const int MaxTerms = 10;

    // A denoised image is our own PNG; anything larger than this is not embedded.
    private const long MaxImageBytes = 32L << 20;

    /// <summary>Builds the report.</summary>
    /// <param name="artifactsDir">The artifacts folder.</param>
    /// <param name="cnnId">The CNN run to use instead of the newest, or null.</param>
    /// <param name="residualId">The residual run to use instead of the newest, or null.</param>
    /// <param name="dataset">The dataset to draw augmentation samples from, or null to leave them out (the section says why).</param>
    /// <param name="loadOptions">How the dataset is loaded (caps, cache).</param>
    /// <param name="onlyRuns">When given, the report is made of these runs only (a report share link's), the rest "not run yet".</param>
    /// <param name="limits">The caps the runs' files are read within (default: <see cref="RunFileLimits.Default"/>).</param>
    public static HomeworkReport Build(
        string artifactsDir, string? cnnId, string? residualId, string? dataset, DatasetLoadOptions? loadOptions = null, IReadOnlyCollection<string>? onlyRuns = null,
        RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        var summaries = Summaries(artifactsDir, onlyRuns, limits);
        var cnn = Training(artifactsDir, summaries, cnnId, ModelKind.Cnn, limits);
        var residual = Training(artifactsDir, summaries, residualId, ModelKind.Residual, limits);
        var l1 = Denoise(summaries, ReportPart.DenoiseL1, limits);
        var l2 = Denoise(summaries, ReportPart.DenoiseL2, limits);

        var taylor = TaylorExperiment.Run(new TaylorOptions(), CPU);
        var terms = TaylorExperiment.ErrorByTerms(MaxTerms, taylor.Points, new TaylorOptions().Seed, CPU);
        var cnnSummary = Summary(ModelKind.Cnn);
        var residualSummary = Summary(ModelKind.Residual);

        AugmentationSamples? augmentation = null;
        string? problem;
        if (dataset is null)
            problem = "no dataset found by configuration (Hw4:DataDir, HW4_DATA, ../shared), so no training images to augment.";
        else
        {
            try
            {
                augmentation = Augment(dataset, loadOptions ?? new DatasetLoadOptions());
                problem = null;
            }
            catch (DatasetException e)
            {
                problem = $"the dataset {dataset} could not be read: {e.Message}";
            }
        }

        var missing = new List<ReportPart>();
        if (l1 is null) missing.Add(ReportPart.DenoiseL1);
        if (l2 is null) missing.Add(ReportPart.DenoiseL2);
        if (cnn is null) missing.Add(ReportPart.Cnn);
        if (residual is null) missing.Add(ReportPart.Residual);
        var examples = new[] { cnn, residual }.Where(r => r is not null)
            .ToDictionary(r => r!.Id, r => RunExportReader.Examples(artifactsDir, r!, limits), StringComparer.Ordinal);
        return new HomeworkReport(taylor, terms, l1, l2, cnn, residual, cnnSummary, residualSummary, augmentation, problem, examples,
            L2Divergence(summaries), missing);
    }

    // The newest L2 run that diverged: with the seed's gd step (lr 0.9) the L2 loss blows up, and the report says so.
    private static string? L2Divergence(IReadOnlyList<RunSummary> summaries)
    {
        var diverged = summaries
            .Where(s => s.Record is { Kind: RunKinds.Denoise } r && r.DenoiseConfig().Options.Norm == DenoiseNorm.L2 && s.Divergence is not null)
            .OrderByDescending(s => s.Record!.CreatedUtc)
            .FirstOrDefault();
        if (diverged is null)
            return null;
        var o = diverged.Record!.DenoiseConfig().Options;
        return string.Create(CultureInfo.InvariantCulture,
            $"L2 with {o.Optimizer} lr {o.Lr}, α {o.Alpha} (run {diverged.Id}{(diverged.Record.DenoiseConfig().Preset is { } p ? $", preset {p}" : "")}) diverged: {diverged.Divergence!.Message}");
    }

    /// <summary>
    /// The run each part would use by default (the newest completed one), or null where it is not run yet: what the
    /// report page lists without building the whole report.
    /// </summary>
    public static IReadOnlyList<(ReportPart Part, string? RunId)> Chosen(string artifactsDir, IReadOnlyCollection<string>? onlyRuns = null, RunFileLimits? limits = null)
    {
        var summaries = Summaries(artifactsDir, onlyRuns, limits);
        return [.. Enum.GetValues<ReportPart>().Select(part => (part, Newest(summaries, part)?.Id))];
    }

    // What a part is made of: the one definition both the report and the page's list use.
    private static bool IsFor(RunRecord r, ReportPart part) => part switch
    {
        ReportPart.DenoiseL1 => r.Kind == RunKinds.Denoise && r.DenoiseConfig().Options.Norm == DenoiseNorm.L1,
        ReportPart.DenoiseL2 => r.Kind == RunKinds.Denoise && r.DenoiseConfig().Options.Norm == DenoiseNorm.L2,
        ReportPart.Cnn => r.Kind == RunKinds.Train && r.TrainingConfig().Model == ModelKind.Cnn,
        ReportPart.Residual => r.Kind == RunKinds.Train && r.TrainingConfig().Model == ModelKind.Residual,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "not a report part"),
    };

    private static IReadOnlyList<RunSummary> Summaries(string artifactsDir, IReadOnlyCollection<string>? onlyRuns, RunFileLimits? limits) =>
        onlyRuns is null
            ? RunDirectoryReader.ReadAll(artifactsDir, limits)
            : onlyRuns.Where(RunId.IsValid).Select(id => Path.Combine(artifactsDir, id)).Where(d => File.Exists(Path.Combine(d, RunDirectory.RunFile)))
                .Select(d => RunDirectoryReader.Read(d, limits)).ToList();

    private static RunExport? Training(string artifactsDir, IReadOnlyList<RunSummary> summaries, string? id, ModelKind kind, RunFileLimits? limits)
    {
        if (id is not null)
        {
            var chosen = RunExportReader.Read(artifactsDir, id, limits);
            if (chosen.Run.TrainingConfig().Model != kind)
                throw new ExportInputException($"run {id}: a {ModelFactory.Name(chosen.Run.TrainingConfig().Model)} run, not {ModelFactory.Name(kind)}.");
            return chosen;
        }

        var newest = Newest(summaries, kind == ModelKind.Cnn ? ReportPart.Cnn : ReportPart.Residual);
        return newest is null ? null : RunExportReader.Read(artifactsDir, newest.Id, limits);
    }

    private static DenoiseReportRun? Denoise(IReadOnlyList<RunSummary> summaries, ReportPart part, RunFileLimits? limits)
    {
        var newest = Newest(summaries, part);
        if (newest is null)
            return null;
        var dir = RunDirectory.Open(newest.Directory, limits);
        return new DenoiseReportRun(newest, RunDirectoryReader.DenoiseSteps(dir.Path, limits), Png(dir, RunDirectory.InputImageFile), Png(dir, RunDirectory.OutputImageFile));
    }

    private static RunSummary? Newest(IReadOnlyList<RunSummary> summaries, ReportPart part) =>
        summaries
            .Where(s => s.Problem is null && s.Record is { Status: RunStatus.Completed } r && IsFor(r, part))
            .OrderByDescending(s => s.Record!.FinishedUtc ?? s.Record.CreatedUtc)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    private static byte[]? Png(RunDirectory dir, string file)
    {
        // Only a regular file inside the run folder, of bounded size (a pipe, a link out of it or a huge file is left out).
        try
        {
            return dir.ReadFileBytes(file, MaxImageBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ModelSummary Summary(ModelKind kind)
    {
        using var model = ModelFactory.Create(kind);
        return ModelSummary.Compute(model);
    }

    private static AugmentationSamples Augment(string dataset, DatasetLoadOptions options)
    {
        var data = DatasetLoader.Load(dataset, options);
        var train = data.Train;
        // The first image of the first few classes, so the grid shows different things.
        var picks = Enumerable.Range(0, train.Classes.Count)
            .Select(c => Array.IndexOf(train.Labels, c))
            .Where(i => i >= 0)
            .Take(AugmentedImages)
            .ToList();
        var augmentation = StandardAugmentation.Create();
        using var generator = new Generator(0);
        var rows = new List<(string, byte[], IReadOnlyList<byte[]>)>();
        foreach (var index in picks)
        {
            using var scope = NewDisposeScope();
            var image = ToTensor.FromBytes(train.Image(index), 1, ImageSet.Height, ImageSet.Width);
            var draws = new List<byte[]>();
            for (var d = 0; d < AugmentationDraws; d++)
                draws.Add(ImageFile.EncodePng(ImageTensors.ToImage(augmentation.Apply(image, generator)[0] * 255)));
            rows.Add((train.Classes[train.Labels[index]], ImageFile.EncodePng(ImageTensors.ToImage(image[0] * 255)), draws));
        }

        return new AugmentationSamples(data.Source, rows);
    }
}
