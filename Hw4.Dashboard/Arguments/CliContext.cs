using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hw4.Dashboard.Arguments;

/// <summary>
/// What a verb writes to: results on <see cref="Out"/>, progress and errors on <see cref="Err"/>, so that with
/// <c>--json</c> the last line of stdout is exactly one JSON object.
/// </summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A diverged run can produce NaN or infinity; still emit valid output rather than throw.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>Standard output: the result.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error: progress and messages.</summary>
    public TextWriter Err { get; } = stderr;

    /// <summary>Writes one progress line to stderr.</summary>
    public void Progress(string line) => Err.WriteLine(line);

    /// <summary>
    /// Writes the result: one compact snake_case JSON line when <paramref name="json"/>, else one <c>key: value</c>
    /// line per property for people.
    /// </summary>
    public void WriteResult<T>(T result, bool json)
    {
        var text = JsonSerializer.Serialize(result, JsonOptions);
        if (json)
        {
            Out.WriteLine(text);
            return;
        }

        using var doc = JsonDocument.Parse(text);
        foreach (var property in doc.RootElement.EnumerateObject())
            Out.WriteLine($"{property.Name}: {property.Value}");
    }
}
