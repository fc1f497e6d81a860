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

    /// <summary>
    /// Reads a JSON file of a folder others write, through <see cref="ContainedFile"/> (a regular file inside
    /// <paramref name="root"/>, at most <paramref name="maxBytes"/>), or null when it does not exist. Every problem
    /// (refused, malformed, null) is an <see cref="InvalidDataException"/> naming the file as <paramref name="name"/>.
    /// </summary>
    public static T? TryRead<T>(string path, string root, string name, long maxBytes)
        where T : class =>
        ContainedFile.TryReadAllBytes(path, root, name, maxBytes) is { } bytes ? Parse<T>(bytes, name) : null;

    /// <summary><see cref="TryRead{T}"/> for a file that must exist: a missing one is an <see cref="InvalidDataException"/> too.</summary>
    public static T Read<T>(string path, string root, string name, long maxBytes)
        where T : class =>
        TryRead<T>(path, root, name, maxBytes) ?? throw new InvalidDataException($"{name}: file not found.");

    /// <summary>Parses JSON bytes; a malformed document or a null is an <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    public static T Parse<T>(byte[] bytes, string name)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new InvalidDataException($"{name}: the file holds null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: not valid JSON ({ex.Message.ReplaceLineEndings(" ")}).", ex);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // A value of the right JSON kind that the type cannot take (an unknown event type, a duplicate key).
            throw new InvalidDataException($"{name}: not a valid file of its kind ({ex.Message.ReplaceLineEndings(" ")}).", ex);
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
