using Hw4.Dashboard.Features.Export;
using Hw4.Ml.Autograd;
using Hw4.Ml.Data;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Imaging;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Runtime;
using Hw4.Ml.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Assembles the <see cref="HomeworkReport"/> from an artifacts folder: each part's run as <see cref="ReportRuns"/>
/// picks it (or as asked), the training runs' seed groups and McNemar's test between the models. Blocking (it runs the
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

    /// <summary>
    /// Pixels of the crop of each denoising image the report shows: the centre at full resolution, where the noise and
    /// the edges can be seen (a whole noisy 768×512 PNG is 1.2 MB of incompressible noise; the run keeps the whole images).
    /// </summary>
    public const long DetailPixels = 320 * 240;

    // A denoised image is our own PNG; anything larger than this is not read.
    private const long MaxImageBytes = 32L << 20;

    /// <summary>Builds the report.</summary>
    /// <param name="artifactsDir">The artifacts folder.</param>
    /// <param name="selection">Runs asked for by part (the rest are picked); an unknown or unfitting run is an <see cref="ExportInputException"/>.</param>
    /// <param name="dataset">The dataset to draw augmentation samples from, or null to leave them out (the section says why).</param>
    /// <param name="loadOptions">How the dataset is loaded (caps, cache).</param>
    /// <param name="onlyRuns">When given, the report is made of these runs only (a report share link's), the rest "not run yet".</param>
    /// <param name="limits">The caps the runs' files are read within (default: <see cref="RunFileLimits.Default"/>).</param>
    public static HomeworkReport Build(
        string artifactsDir, IReadOnlyDictionary<ReportPart, string>? selection, string? dataset, DatasetLoadOptions? loadOptions = null,
        IReadOnlyCollection<string>? onlyRuns = null, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        var runs = ReportRuns.Read(artifactsDir, onlyRuns, limits);
        var choices = runs.Choose(selection);
        var denoising = choices.Where(c => ReportParts.IsDenoise(c.Part) && c.Run is not null)
            .ToDictionary(c => c.Part, c => Denoise(c, limits));
        var cnn = Training(runs, choices.Single(c => c.Part == ReportPart.Cnn));
        var residual = Training(runs, choices.Single(c => c.Part == ReportPart.Residual));
        var (paired, pairedProblem) = Pairs(artifactsDir, cnn, residual, limits);

        var taylorOptions = new TaylorOptions();
        var taylor = TaylorExperiment.Run(taylorOptions, CPU);
        var terms = TaylorExperiment.ErrorByTerms(MaxTerms, taylor.Points, taylorOptions.Seed, CPU);

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

        return new HomeworkReport(artifactsDir, dataset, taylorOptions, taylor, terms, choices, denoising, cnn, residual, paired, pairedProblem,
            Summary(ModelKind.Cnn), Summary(ModelKind.Residual), augmentation, problem);
    }

    private static DenoiseReportRun Denoise(ReportChoice choice, RunFileLimits? limits)
    {
        var run = choice.Run!;
        var dir = RunDirectory.Open(run.Directory, limits);
        return new DenoiseReportRun(choice.Part, run, RunDirectoryReader.DenoiseSteps(dir.Path, limits), Detail(dir, RunDirectory.InputImageFile),
            Detail(dir, RunDirectory.OutputImageFile), choice.Differences);
    }

    private static TrainingReportRun? Training(ReportRuns runs, ReportChoice choice)
    {
        if (choice.Run is not { } run)
            return null;
        var export = RunExportReader.Read(runs.ArtifactsDir, run.Id, runs.Limits);
        SeedGroupReport? group = null;
        if (export.Evaluation is not null)
        {
            var members = new List<SeedGroupMember>();
            foreach (var member in runs.SeedGroup(run))
            {
                var evaluation = member.Id == run.Id ? export.Evaluation : ReadEvaluation(member, runs.Limits);
                if (evaluation is not null && evaluation.Classes.SequenceEqual(export.Evaluation.Classes))
                    members.Add(new SeedGroupMember(member.Id, member.Record!.TrainingConfig().Seed, member.Best?.Epoch, evaluation));
            }

            group = SeedGroupReport.Of(ReportParts.Model(choice.Part), members);
        }

        return new TrainingReportRun(export, choice.Differences, group, RunExportReader.Examples(runs.ArtifactsDir, export, runs.Limits));
    }

    private static EvaluationSummary? ReadEvaluation(RunSummary run, RunFileLimits? limits)
    {
        try
        {
            return RunDirectory.Open(run.Directory, limits).ReadEvaluation();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A damaged evaluation.json leaves that run out of the group; its own page says what is wrong.
            return null;
        }
    }

    // McNemar between the chosen CNN and residual runs, then between the two groups' runs of each shared seed.
    private static (IReadOnlyList<PairedTest> Tests, string? Problem) Pairs(string artifactsDir, TrainingReportRun? cnn, TrainingReportRun? residual, RunFileLimits? limits)
    {
        if (cnn?.Group is not { } cnnGroup || residual?.Group is not { } residualGroup)
            return ([], null);
        var pairs = new List<(SeedGroupMember Cnn, SeedGroupMember Residual)>
        {
            (cnnGroup.Members.Single(m => m.RunId == cnn.Run.Id), residualGroup.Members.Single(m => m.RunId == residual.Run.Id)),
        };
        foreach (var c in cnnGroup.Members)
        {
            if (residualGroup.Members.FirstOrDefault(r => r.Seed == c.Seed) is { } r && !pairs.Contains((c, r)))
                pairs.Add((c, r));
        }

        var tests = new List<PairedTest>();
        var missing = new List<string>();
        foreach (var (c, r) in pairs)
        {
            var first = Predictions(artifactsDir, c.RunId, limits);
            var second = Predictions(artifactsDir, r.RunId, limits);
            if (first is null || second is null)
            {
                missing.Add(first is null ? c.RunId : r.RunId);
                continue;
            }

            try
            {
                tests.Add(new PairedTest(c.RunId, c.Seed, r.RunId, r.Seed, McNemarTest.Compare(first, second)));
            }
            catch (ArgumentException e)
            {
                missing.Add($"{c.RunId} and {r.RunId} ({e.Message})");
            }
        }

        var problem = missing.Count == 0 ? null
            : $"no paired test for {string.Join(", ", missing.Distinct())}: no usable {RunDirectory.PredictionsFile} (runs evaluated before it was kept have none; evaluate them again).";
        return (tests, problem);
    }

    private static TestPredictions? Predictions(string artifactsDir, string runId, RunFileLimits? limits)
    {
        try
        {
            return RunDirectory.Open(Path.Combine(artifactsDir, runId), limits).ReadPredictions();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    // The centre crop of a run's image as PNG; only a regular file inside the run folder, of bounded size (a pipe, a
    // link out of it or a huge file is left out, not opened), and one that does not decode is left out too.
    private static byte[]? Detail(RunDirectory dir, string file)
    {
        try
        {
            return dir.ReadFileBytes(file, MaxImageBytes) is { } bytes
                ? ImageFile.EncodePng(ImageFit.CentreCrop(ImageFile.Decode(bytes, file), DetailPixels))
                : null;
        }
        catch (Exception e) when (e is ImageLoadException or InvalidDataException or IOException or UnauthorizedAccessException)
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
                draws.Add(ImageFile.EncodePng(ImageTensors.ToImage(augmentation.Apply(image, generator)[0].Times(255))));
            rows.Add((train.Classes[train.Labels[index]], ImageFile.EncodePng(ImageTensors.ToImage(image[0].Times(255))), draws));
        }

        return new AugmentationSamples(data.Source, rows);
    }
}
