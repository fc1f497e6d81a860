using System.Globalization;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Models;

/// <summary>
/// A run's readable name, shown wherever a person reads about a run (titles, headings, legends, lists); the id stays in
/// addresses and beside the name. The user's name (notes.json's <c>name</c>, its one owner) when there is one, else one
/// made from the run's settings: "CNN · seed 0 · 15 ep", "L1 · Primal-dual · α 1.5 · lr 0.5".
/// </summary>
public static class RunName
{
    /// <summary>The name of <paramref name="summary"/>'s run.</summary>
    public static string Of(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Of(summary.Notes.Name, summary.Record, summary.Id);
    }

    /// <summary>The user's <paramref name="name"/>, else the default of <paramref name="record"/>, else <paramref name="id"/>.</summary>
    public static string Of(string? name, RunRecord? record, string id) =>
        string.IsNullOrWhiteSpace(name) ? Default(record) ?? id : name;

    /// <summary>The name made from a run's settings, or null when run.json says too little.</summary>
    public static string? Default(RunRecord? record)
    {
        var c = CultureInfo.InvariantCulture;
        return record switch
        {
            { Kind: RunKinds.Train, Config: { } t } => string.Create(c, $"{ModelDisplayName.Of(t.Model)} · seed {t.Seed} · {t.Epochs} ep"),
            { Kind: RunKinds.Denoise, Denoise: { Options: var o } } => Of(o),
            _ => null,
        };
    }

    /// <summary>The name of a denoising run with <paramref name="options"/>: "L1 · Primal-dual · α 1.5 · lr 0.5".</summary>
    public static string Of(Hw4.Ml.Denoising.DenoiseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture,
            $"{OptimizerDisplayName.Of(options.Norm)} · {OptimizerDisplayName.Of(options.Optimizer)} · α {options.Alpha:G4} · lr {options.Lr:G4}");
    }

    /// <summary>
    /// Labels for runs shown together (legends, column headers): each run's name, made unique where two share one by
    /// the last part of the id ("CNN · seed 0 · 15 ep (fa19)"). Keyed by id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Distinct(IEnumerable<(string Id, string Name)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        var repeated = list.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in list)
            labels[id] = repeated.Contains(name) ? $"{name} ({id[(id.LastIndexOf('-') + 1)..]})" : name;
        return labels;
    }
}
