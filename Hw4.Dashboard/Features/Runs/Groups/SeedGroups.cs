using System.Text.Json;
using Hw4.Ml.Evaluation;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Features.Runs.Groups;

/// <summary>
/// Seed groups over the run index: completed training runs with a test accuracy whose model, recipe and dataset
/// (<see cref="SeedGroupKey"/>, read from the run.json each row keeps) are equal, one run per seed. What the runs list
/// and Compare show as mean ± standard deviation; the homework report reads the same groups from the run folders
/// (<c>ReportRuns.SeedGroup</c>) with the same key.
/// </summary>
public sealed class SeedGroups
{
    private readonly Dictionary<string, SeedGroupKey> _keys;
    private readonly Dictionary<SeedGroupKey, IReadOnlyList<RunRow>> _groups;

    private SeedGroups(Dictionary<string, SeedGroupKey> keys, Dictionary<SeedGroupKey, IReadOnlyList<RunRow>> groups)
    {
        _keys = keys;
        _groups = groups;
    }

    /// <summary>The groups of <paramref name="rows"/>.</summary>
    public static SeedGroups Of(IEnumerable<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new Dictionary<string, SeedGroupKey>(StringComparer.Ordinal);
        var members = new List<(SeedGroupKey Key, long Seed, RunRow Row)>();
        foreach (var row in rows)
        {
            if (row.Kind != RunKinds.Train || RecordOf(row) is not { } record || SeedGroupKey.Of(record) is not { } key)
                continue;
            keys[row.Id] = key;
            if (record.Status == RunStatus.Completed && row.TestAccuracy is not null)
                members.Add((key, record.TrainingConfig().Seed, row));
        }

        // One run per seed (the newest): a repeated seed repeats a run, it adds no spread.
        var groups = members.GroupBy(m => m.Key).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<RunRow>)[.. g.GroupBy(m => m.Seed).Select(s => s.OrderByDescending(m => m.Row.CreatedAt).First()).OrderBy(m => m.Seed).Select(m => m.Row)]);
        return new SeedGroups(keys, groups);
    }

    /// <summary>The completed runs of <paramref name="runId"/>'s group, by seed (empty for a run that is not a readable training run).</summary>
    public IReadOnlyList<RunRow> GroupOf(string runId) =>
        _keys.TryGetValue(runId, out var key) && _groups.TryGetValue(key, out var group) ? group : [];

    /// <summary>The test accuracy over <paramref name="runId"/>'s group, when it has at least two runs; else null.</summary>
    public MeanStd? AccuracyOf(string runId) =>
        GroupOf(runId) is { Count: >= 2 } group ? MeanStd.Of(group.Select(r => r.TestAccuracy!.Value)) : null;

    /// <summary>The run.json the index keeps for <paramref name="row"/>, or null when it has none or it no longer parses (that run is in no group).</summary>
    public static RunRecord? RecordOf(RunRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ConfigJson is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(row.ConfigJson, MlJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
