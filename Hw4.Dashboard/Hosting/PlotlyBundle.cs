using Microsoft.AspNetCore.Rewrite;

namespace Hw4.Dashboard.Hosting;

/// <summary>
/// Serves plotly.js's cartesian partial bundle (scatter, bar, heatmap: every trace type Hw4 draws; 1.4 MB minified)
/// where Plotly.Blazor asks for its full bundle (4.9 MB, with maps and 3-D traces Hw4 never draws). Plotly.Blazor
/// hard-codes the script URL in its interop, so the request is rewritten before routing picks the static asset.
/// The vendored file is <c>wwwroot/lib/plotly/</c> (see the README there for its version, source and license, and the
/// compile-hint line put in front of it).
/// </summary>
public static class PlotlyBundle
{
    /// <summary>The plotly.js version Plotly.Blazor 7.2 bundles; the vendored cartesian bundle must be the same.</summary>
    public const string PlotlyJsVersion = "3.7.0";

    /// <summary>Where Plotly.Blazor loads its full bundle from (a literal in its interop).</summary>
    public const string FullBundlePath = "/_content/Plotly.Blazor/plotly-" + PlotlyJsVersion + ".min.js";

    /// <summary>Where Plotly.Blazor loads its basic bundle from (<c>UseBasicVersion</c>; lacks heatmaps).</summary>
    public const string BasicBundlePath = "/_content/Plotly.Blazor/plotly-basic-" + PlotlyJsVersion + ".min.js";

    /// <summary>The vendored cartesian bundle.</summary>
    public const string CartesianBundlePath = "/lib/plotly/plotly-cartesian-" + PlotlyJsVersion + ".min.js";

    /// <summary>How Plotly.Blazor imports its interop module (a literal in its assembly), the import map's key for it.</summary>
    public const string InteropModuleSpecifier = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    /// <summary>
    /// Hw4's stand-in for that module (relative to the base href): Plotly.Blazor's own functions, re-exported, except
    /// its script loading, which waits for the plotly.js a chart page started with its HTML instead of adding a second
    /// copy (a second evaluation of 1.4 MB), or adds it when the page was reached inside the app.
    /// </summary>
    public const string InteropStandInPath = "lib/plotly-blazor/interop.js";

    /// <summary>
    /// The module that draws a chart page's charts from the figures in its HTML before the circuit starts, and hands
    /// them to their LineCharts (see <c>LineChart.PredrawKey</c>); loaded with the page's plotly.js.
    /// </summary>
    public const string PredrawModulePath = "lib/plotly-blazor/predraw.js";

    /// <summary>The id of the one script element that runs plotly.js on a page (App.razor's, or the stand-in's).</summary>
    public const string ScriptElementId = "hw4-plotly";

    /// <summary>
    /// Rewrites both Plotly.Blazor bundle URLs to the cartesian bundle, then routes (the rewrite must come first, or
    /// routing would already have matched the full bundle's static-asset endpoint).
    /// </summary>
    public static WebApplication UsePlotlyCartesianBundle(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRewriter(new RewriteOptions()
            .AddRewrite("^" + Pattern(FullBundlePath) + "$", CartesianBundlePath.TrimStart('/'), skipRemainingRules: true)
            .AddRewrite("^" + Pattern(BasicBundlePath) + "$", CartesianBundlePath.TrimStart('/'), skipRemainingRules: true));
        app.UseRouting();
        return app;
    }

    // The rewriter matches the path without its leading slash.
    private static string Pattern(string path) => System.Text.RegularExpressions.Regex.Escape(path.TrimStart('/'));
}
