using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Store;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Groups;

/// <summary>
/// What Compare adds about seeds: the seed group of each compared run that has two or more (with per-class mean ± std),
/// and McNemar's test of the first compared CNN against the first compared residual CNN on their test predictions.
/// Reads evaluation.json and predictions.json of the runs concerned: call it off the UI thread.
/// </summary>
/// <param name="Groups">One per distinct group of the compared runs, in the order the runs were picked.</param>
/// <param name="Paired">The McNemar test, or empty.</param>
/// <param name="PairedProblem">Why there is no test although a CNN and a residual run are compared, or null.</param>
public sealed record CompareGroups(IReadOnlyList<SeedGroupReport> Groups, IReadOnlyList<PairedTest> Paired, string? PairedProblem)
{
    /// <summary>Nothing to add.</summary>
    public static CompareGroups None { get; } = new([], [], null);

    /// <summary>The groups of <paramref name="compared"/> among <paramref name="pool"/> (the runs the viewer may see), and the paired test.</summary>
    public static CompareGroups Read(Hw4Options options, IReadOnlyList<RunRow> compared, IReadOnlyList<RunRow> pool)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(compared);
        ArgumentNullException.ThrowIfNull(pool);
        var groups = SeedGroups.Of(pool);
        var result = new List<SeedGroupReport>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in compared)
        {
            var members = groups.GroupOf(run.Id);
            if (members.Count < 2 || !seen.Add(string.Join(",", members.Select(m => m.Id))))
                continue;
            var read = members.Select(m => (Row: m, Evaluation: Evaluation(options, m.Id))).Where(m => m.Evaluation is not null).ToList();
            if (read.Count < 2 || read.Any(m => !m.Evaluation!.Classes.SequenceEqual(read[0].Evaluation!.Classes)))
                continue;
            var model = ModelFactory.ParseKind(run.Model ?? "cnn");
            result.Add(SeedGroupReport.Of(model, [.. read.Select(m => new SeedGroupMember(m.Row.Id, Seed(m.Row), m.Row.BestEpoch, m.Evaluation!))]));
        }

        var (paired, problem) = Pair(options, compared);
        return new CompareGroups(result, paired, problem);
    }

    private static (IReadOnlyList<PairedTest>, string?) Pair(Hw4Options options, IReadOnlyList<RunRow> compared)
    {
        var cnn = compared.FirstOrDefault(r => r.Model == "cnn" && r.TestAccuracy is not null);
        var residual = compared.FirstOrDefault(r => r.Model == "residual" && r.TestAccuracy is not null);
        if (cnn is null || residual is null)
            return ([], null);
        var first = Predictions(options, cnn.Id);
        var second = Predictions(options, residual.Id);
        if (first is null || second is null)
            return ([], $"No paired test: {(first is null ? cnn.Id : residual.Id)} has no {RunDirectory.PredictionsFile} (runs evaluated before it was kept have none).");
        try
        {
            return ([new PairedTest(cnn.Id, Seed(cnn), residual.Id, Seed(residual), McNemarTest.Compare(first, second))], null);
        }
        catch (ArgumentException e)
        {
            return ([], $"No paired test of {cnn.Id} and {residual.Id}: {e.Message}");
        }
    }

    private static long Seed(RunRow row) => SeedGroups.RecordOf(row)?.Config?.Seed ?? 0;

    private static EvaluationSummary? Evaluation(Hw4Options options, string id)
    {
        try
        {
            var folder = RunStorePaths.RunFolder(options, id);
            return Directory.Exists(folder) ? RunDirectory.Open(folder).ReadEvaluation() : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    private static TestPredictions? Predictions(Hw4Options options, string id)
    {
        try
        {
            var folder = RunStorePaths.RunFolder(options, id);
            return Directory.Exists(folder) ? RunDirectory.Open(folder).ReadPredictions() : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }
}
