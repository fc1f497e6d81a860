using System.Globalization;
using System.Text.Json;
using Hw4.Dashboard.Features.Models;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>
/// What the compared runs were trained with, where they differ: each run's recipe (run.json's <c>config</c>) and the
/// image counts it actually used, so a 3-epoch CNN on 8,192 images is not read as equal to a 2-epoch residual on 2,048.
/// </summary>
/// <param name="Rows">The settings that differ.</param>
/// <param name="Same">The settings equal in every run, by name.</param>
public sealed record ConfigDiff(IReadOnlyList<ConfigDiffRow> Rows, IReadOnlyList<string> Same)
{
    /// <summary>E.g. <c>Same in all: Seed, Learning rate.</c>; empty when nothing is the same.</summary>
    public string SameText => Same.Count == 0 ? "" : $"Same in all: {string.Join(", ", Same)}.";

    private static readonly string[] Counts = ["train_images", "validation_images", "test_images", "parameters"];

    // Bookkeeping that says nothing about the recipe.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "progress_every_batches" };

    /// <summary>Builds the diff from each run's run.json as indexed; a run whose file is missing or damaged shows "?".</summary>
    public static ConfigDiff Create(IReadOnlyList<RunRow> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var settings = runs.Select(r => Read(r.ConfigJson)).ToList();
        var keys = settings.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<ConfigDiffRow>();
        var same = new List<string>();
        foreach (var key in keys)
        {
            var values = settings.Select(s => s.GetValueOrDefault(key, "?")).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() > 1)
                rows.Add(new ConfigDiffRow(Label(key), values));
            else
                same.Add(Label(key));
        }

        return new ConfigDiff(rows, same);
    }

    /// <summary>A snake_case key as a person reads it: <c>batch_size</c> → <c>Batch size</c>.</summary>
    public static string Label(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var words = key.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static Dictionary<string, string> Read(string? runJson)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(runJson))
            return result;
        try
        {
            using var document = JsonDocument.Parse(runJson);
            var root = document.RootElement;
            if (root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in config.EnumerateObject().Where(p => !Ignored.Contains(p.Name)))
                    result[property.Name] = property.Name == "model" ? ModelDisplayName.Of(property.Value.GetString()) : Format(property.Value);
            }

            foreach (var key in Counts)
            {
                if (root.TryGetProperty(key, out var value))
                    result[key] = Format(value);
            }
        }
        catch (JsonException)
        {
            // A damaged run.json: every value of this run reads "?".
        }

        return result;
    }

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "–",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number when value.TryGetInt64(out var n) => n.ToString("N0", CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetDouble().ToString("G6", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}
