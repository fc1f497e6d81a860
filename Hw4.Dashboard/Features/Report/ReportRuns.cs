using Hw4.Dashboard.Features.Export;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The runs of an artifacts folder as the report sees them, and the one rule that picks each part's run: the one asked
/// for, else the newest finished run of the homework's settings, else the newest finished candidate (marked as not the
/// homework's). Also a training run's seed group: the completed, evaluated runs of the same model and recipe that
/// differ only in seed. Blocking (reads every run folder): call it off a UI thread.
/// </summary>
public sealed class ReportRuns
{
    private readonly IReadOnlyList<RunSummary> _summaries;

    private ReportRuns(string artifactsDir, IReadOnlyList<RunSummary> summaries, RunFileLimits? limits)
    {
        ArtifactsDir = artifactsDir;
        _summaries = summaries;
        Limits = limits;
    }

    /// <summary>The artifacts folder.</summary>
    public string ArtifactsDir { get; }

    /// <summary>The caps the runs' files are read within (null: <see cref="RunFileLimits.Default"/>).</summary>
    public RunFileLimits? Limits { get; }

    /// <summary>Reads the folder's runs, or only <paramref name="onlyRuns"/> (a report share link's) when given.</summary>
    public static ReportRuns Read(string artifactsDir, IReadOnlyCollection<string>? onlyRuns = null, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        var summaries = onlyRuns is null
            ? RunDirectoryReader.ReadAll(artifactsDir, limits)
            : onlyRuns.Where(RunId.IsValid).Distinct(StringComparer.Ordinal).Select(id => Path.Combine(artifactsDir, id))
                .Where(d => File.Exists(Path.Combine(d, RunDirectory.RunFile))).Select(d => RunDirectoryReader.Read(d, limits)).ToList();
        return new ReportRuns(artifactsDir, summaries.Where(s => s.Problem is null && s.Record is not null).ToList(), limits);
    }

    /// <summary>
    /// The run of every part. A run named in <paramref name="selection"/> must exist and fit its part, or this throws an
    /// <see cref="ExportInputException"/> naming it.
    /// </summary>
    public IReadOnlyList<ReportChoice> Choose(IReadOnlyDictionary<ReportPart, string>? selection = null) =>
        [.. ReportParts.All.Select(part => Choose(part, selection?.GetValueOrDefault(part)))];

    /// <summary>The run of <paramref name="part"/>: <paramref name="asked"/> when given (it must fit), else the default pick.</summary>
    public ReportChoice Choose(ReportPart part, string? asked)
    {
        var candidates = _summaries
            .Where(s => ReportParts.IsCandidate(s.Record!, part) && ReportParts.IsFinished(s.Record!, part))
            .OrderByDescending(s => s.Record!.FinishedUtc ?? s.Record.CreatedUtc)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var homework = candidates.Where(s => ReportParts.Differences(s.Record!, part).Count == 0).ToList();
        RunSummary? run;
        if (asked is not null)
        {
            var found = _summaries.FirstOrDefault(s => s.Id == asked)
                ?? throw new ExportInputException($"run {(RunId.IsValid(asked) ? asked : "(invalid id)")}: no such run.", notFound: true);
            if (!ReportParts.IsCandidate(found.Record!, part))
                throw new ExportInputException($"run {asked}: not a run for {ReportParts.Title(part)}.");
            if (!ReportParts.IsFinished(found.Record!, part))
                throw new ExportInputException($"run {asked}: {found.StatusText}, not finished.");
            run = found;
        }
        else
            run = homework.FirstOrDefault() ?? candidates.FirstOrDefault();

        return new ReportChoice(part, run, run is null ? [] : ReportParts.Differences(run.Record!, part), candidates, homework.Count > 0);
    }

    /// <summary>
    /// The seed group of training run <paramref name="run"/>: the completed runs with an evaluation whose model, recipe
    /// and dataset equal its own (itself included), one per seed, ordered by seed.
    /// </summary>
    public IReadOnlyList<RunSummary> SeedGroup(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var key = SeedGroupKey.Of(run.Record!);
        if (key is null)
            return [];
        // One run per seed (this run for its own, else the newest): a repeated seed repeats a run, it adds no spread.
        return _summaries
            .Where(s => s.Record!.Status == Hw4.Ml.Lifecycle.RunStatus.Completed && s.TestAccuracy is not null && SeedGroupKey.Of(s.Record) == key)
            .GroupBy(s => s.Record!.TrainingConfig().Seed)
            .Select(g => g.FirstOrDefault(s => s.Id == run.Id) ?? g.OrderByDescending(s => s.Record!.FinishedUtc ?? s.Record.CreatedUtc).First())
            .OrderBy(s => s.Record!.TrainingConfig().Seed)
            .ToList();
    }

    /// <summary>
    /// The seeds that already have a run of the homework's recipe for <paramref name="model"/>, completed or on its way
    /// (queued, running, interrupted): what "queue N seeds" leaves out.
    /// </summary>
    public IReadOnlySet<long> RecipeSeeds(Hw4.Ml.Models.ModelKind model) => _summaries
        .Where(s => s.Record is { Kind: RunKinds.Train, Config: { } c } r && c.Model == model
            && r.Status is Hw4.Ml.Lifecycle.RunStatus.Completed or Hw4.Ml.Lifecycle.RunStatus.Queued or Hw4.Ml.Lifecycle.RunStatus.Running or Hw4.Ml.Lifecycle.RunStatus.Interrupted
            && Hw4.Ml.Recipes.HomeworkRecipe.Differences(c).Count == 0)
        .Select(s => s.Record!.TrainingConfig().Seed)
        .ToHashSet();
}
