using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// The JSON converter that writes every enum of the run model as its lower-case word (RunStatus.Completed →
/// <c>completed</c>), for the hub and the HTTP API alike; the same naming run.json uses.
/// </summary>
public static class RunStatusJson
{
    /// <summary>A new converter instance (options take ownership of it).</summary>
    public static JsonStringEnumConverter Converter() => new(JsonNamingPolicy.SnakeCaseLower);
}
