using System.Text.Json;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>Flattens a JSON object (run.json) into readable key/value rows: nested keys joined with dots.</summary>
public static class ConfigTable
{
    /// <summary>
    /// The rows of <paramref name="json"/> in file order; arrays of plain values are joined with ", ", other arrays are
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
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                Add(rows, "", doc.RootElement);
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
