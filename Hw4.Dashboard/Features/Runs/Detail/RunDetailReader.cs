using System.Globalization;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>
/// Reads a run folder for its page through Hw4.Ml's <see cref="RunDirectory"/>: the config rows, evaluation.json, the
/// checkpoint files and the divergence record of metrics.jsonl. A damaged file becomes a message, never an exception.
/// </summary>
public static class RunDetailReader
{
    /// <summary>
    /// Reads <paramref name="directory"/> within <paramref name="limits"/>; <paramref name="bestEpoch"/> marks that
    /// epoch's checkpoint. A damaged evaluation.json is a problem shown with the run, which keeps its status.
    /// </summary>
    public static RunDetailData Read(string directory, string? runJson, int? bestEpoch, RunFileLimits? limits = null)
    {
        if (!Directory.Exists(directory))
            return RunDetailData.Empty;
        var dir = RunDirectory.Open(directory, limits);
        var problems = new List<string>();

        EvaluationSummary? evaluation = null;
        try
        {
            evaluation = dir.ReadEvaluation();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            problems.Add($"The evaluation cannot be shown: {ex.Message}");
        }

        return new RunDetailData(ConfigTable.Flatten(runJson), evaluation, Checkpoints(dir, bestEpoch), runJson, problems);
    }

    /// <summary>The files in <c>checkpoints/</c>, by epoch (names without an epoch last).</summary>
    public static IReadOnlyList<CheckpointFile> Checkpoints(RunDirectory dir, int? bestEpoch)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!Directory.Exists(dir.CheckpointsDir))
            return [];
        return new DirectoryInfo(dir.CheckpointsDir).EnumerateFiles()
            .Where(f => f.LinkTarget is null)
            .Select(f =>
            {
                var epoch = EpochOf(f.Name);
                return new CheckpointFile(f.Name, $"checkpoints/{f.Name}", epoch, f.Length, epoch is not null && epoch == bestEpoch);
            })
            .OrderBy(c => c.Epoch ?? int.MaxValue).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    // model_<e>.params, optimizer_<e>.state, state_<e>.json (the trainer's names); anything else keeps no epoch.
    private static int? EpochOf(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var underscore = stem.LastIndexOf('_');
        return underscore >= 0 && int.TryParse(stem[(underscore + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;
    }
}
