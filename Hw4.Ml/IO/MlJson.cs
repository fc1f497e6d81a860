using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hw4.Ml.IO;

/// <summary>The JSON conventions of the run directory: snake_case names, enums as lower-case strings.</summary>
public static class MlJson
{
    /// <summary>Options for run.json, evaluation.json, metrics.jsonl and checkpoint state (never modified after start).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same conventions on one line, for JSON Lines.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="path"/> atomically (temp file + rename).</summary>
    public static void WriteAtomic<T>(string path, T value) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Options));

    /// <summary>Reads a JSON file, with a one-line error naming the file when it is missing or malformed.</summary>
    public static T Read<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"{path}: the file holds null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({ex.Message}).", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidDataException($"{path}: file not found.", ex);
        }
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
