namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// Marks a page whose first thing to show is a chart: loaded from its address, its HTML starts plotly.js (an async
/// script in the head, see <c>App.razor</c>), so the browser parses it while Blazor's circuit starts instead of after the
/// first chart has rendered. Plotly.Blazor then finds it running (<c>wwwroot/lib/plotly-blazor/interop.js</c>). Other
/// pages (Home) do not download it at all.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LoadsPlotlyWithPageAttribute : Attribute;
