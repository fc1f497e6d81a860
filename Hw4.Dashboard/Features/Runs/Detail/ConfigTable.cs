using System.Text.Json;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>Flattens a JSON object (run.json) into readable key/value rows: nested keys joined with dots.</summary>
public static class ConfigTable
{
    // What a training run has and a denoising run does not (and the reverse): run.json writes both sets for every run,
    // so a denoising run would list "train_images 0, parameters 0" and a training run "denoise –".
    private static readonly HashSet<string> TrainingOnly = ["config", "train_images", "validation_images", "test_images", "parameters", "dataset_hash", "dataset_source"];
    private static readonly HashSet<string> DenoisingOnly = ["denoise"];

    /// <summary>
    /// The rows of <paramref name="json"/> in file order, leaving out the other kind's fields (a denoising run's have no
    /// training images or parameters); arrays of plain values are joined with ", ", other arrays are
    /// indexed (<c>key[0].x</c>). Empty for null, blank or non-object JSON.
    /// </summary>
    public static IReadOnlyList<ConfigRow> Flatten(string? json)
    {
        var rows = new List<ConfigRow>();
        if (string.IsNullOrWhiteSpace(json))
            return rows;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return rows;
            var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var other = kind switch
            {
                Hw4.Ml.Runs.RunKinds.Denoise => TrainingOnly,
                Hw4.Ml.Runs.RunKinds.Train => DenoisingOnly,
                _ => [],
            };
            foreach (var p in root.EnumerateObject().Where(p => !other.Contains(p.Name)))
                Add(rows, p.Name, p.Value);
        }
        catch (JsonException)
        {
            // The raw text is still shown beside the table.
        }

        return rows;
    }

    private static void Add(List<ConfigRow> rows, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject())
                    Add(rows, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}", p.Value);
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(IsPlain):
                rows.Add(new ConfigRow(prefix, string.Join(", ", value.EnumerateArray().Select(Text))));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Add(rows, $"{prefix}[{i++}]", item);
                break;
            default:
                rows.Add(new ConfigRow(prefix, Text(value)));
                break;
        }
    }

    private static bool IsPlain(JsonElement e) => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null => "–",
        _ => e.GetRawText(),
    };
}
