using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// A Plotly figure as JSON written into HTML, for a script of the page to draw (the homework report's figures, a run
/// page's charts before its circuit starts): serialized as Plotly.Blazor sends it to plotly.js, so the browser draws
/// what the component would have drawn.
/// </summary>
public static class PlotlyJson
{
    // Plotly.Blazor's objects carry their JSON names; nulls are Plotly's defaults. The default encoder escapes <, > and &,
    // so no "</script>" can end the element early.
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Default,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary><c>{data, layout, config}</c>; no <c>config</c> when it is null.</summary>
    public static string Figure(IEnumerable<ITrace> data, PlotlyLayout layout, Config? config = null) =>
        JsonSerializer.Serialize(new { data = data.Cast<object>().ToArray(), layout, config }, Options);
}
