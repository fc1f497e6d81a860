using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Components;

/// <summary>The document shell, rendered once per page load on the server.</summary>
public sealed partial class App
{
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>
    /// Interactive on the server, except on pages marked <see cref="ExcludeFromInteractiveRoutingAttribute"/> (sign-in):
    /// a plain form there must not be re-rendered when the circuit starts, which emptied a password typed before it did
    /// (and a required empty field then blocks the submit without a word).
    /// </summary>
    private IComponentRenderMode? PageRenderMode =>
        HttpContext?.AcceptsInteractiveRouting() == false ? null : Microsoft.AspNetCore.Components.Web.RenderMode.InteractiveServer;

    /// <summary>The page asks for plotly.js with its HTML (<see cref="Charts.LoadsPlotlyWithPageAttribute"/>).</summary>
    private bool LoadsPlotly =>
        HttpContext?.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type
            .IsDefined(typeof(Charts.LoadsPlotlyWithPageAttribute), inherit: false) == true;

    /// <summary>The app's modules, with Plotly.Blazor's interop module answered by Hw4's stand-in (see <see cref="PlotlyBundle"/>).</summary>
    private ImportMapDefinition ImportMapWithPlotlyInterop => ImportMapDefinition.Combine(
        ImportMapDefinition.FromResourceCollection(Assets),
        new ImportMapDefinition(
            new Dictionary<string, string> { [PlotlyBundle.InteropModuleSpecifier] = "./" + Assets[PlotlyBundle.InteropStandInPath] },
            null,
            null));

    /// <summary>The theme chosen in this browser (<see cref="Layout.ThemeChoice"/>): the server renders the page in it.</summary>
    private bool StartsDark => Layout.ThemeChoice.IsDark(HttpContext);

    private string? DocumentStyle => Layout.ThemeChoice.DocumentStyle(StartsDark);

    /// <summary>The nonce that the Content-Security-Policy allows for the inline import map.</summary>
    private string? ScriptNonce => HttpContext is null ? null : SecurityHeaders.Nonce(HttpContext);
}
