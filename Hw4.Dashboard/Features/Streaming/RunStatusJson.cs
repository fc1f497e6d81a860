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

    /// <summary>
    /// The hub's JSON payload settings, for the server and .NET clients: the status words, and NaN/Infinity as the
    /// strings "NaN"/"Infinity" (an epoch's validation loss is NaN when it was not finite; plain JSON cannot carry it and
    /// the send would fail, closing the client's connection).
    /// </summary>
    public static void ApplyTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(Converter());
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }
}
