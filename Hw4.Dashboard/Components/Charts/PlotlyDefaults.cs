using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.LayoutLib;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// The settings every chart shares, so line, bar and heatmap charts look and behave alike: the modebar with hover,
/// zoom and PNG download, a left-aligned title, transparent background and the light/dark axis colours.
/// </summary>
public static class PlotlyDefaults
{
    /// <summary>Responsive, no logo, modebar always shown, PNG download at 2× named <paramref name="downloadName"/>.</summary>
    public static Config Config(string downloadName) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = DisplayModeBarEnum.True,
        ToImageButtonOptions = new { filename = downloadName, format = "png", scale = 2 },
    };

    /// <summary>A layout with one x and one y axis, a fixed <c>uirevision</c> (zoom survives redraws) and the title on the left.</summary>
    public static PlotlyLayout Layout(string? title, int height, string? xTitle, string? yTitle, int leftMargin = 56, int bottomMargin = 48) => new()
    {
        // Left-aligned so the title never sits under the modebar, which floats at the top right.
        Title = title is null ? null : new Title { Text = title, X = 0, XRef = Plotly.Blazor.LayoutLib.TitleLib.XRefEnum.Paper, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left },
        Height = height,
        UiRevision = "keep",
        Margin = new Margin { L = leftMargin, R = 16, T = title is null ? 24 : 48, B = bottomMargin },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }],
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
    };

    /// <summary>Puts the legend in one row under the plot, left-aligned, <paramref name="y"/> plot heights below its top.</summary>
    public static void LegendBelow(PlotlyLayout layout, decimal y)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.Legend =
        [
            new Plotly.Blazor.LayoutLib.Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                X = 0,
                XAnchor = Plotly.Blazor.LayoutLib.LegendLib.XAnchorEnum.Left,
                Y = y,
                YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Top,
            },
        ];
    }

    /// <summary>Switches axis text and grid colours for the dark or light theme.</summary>
    public static void ApplyTheme(PlotlyLayout layout, bool darkMode)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = darkMode ? "#e0e0e0" : "#444444";
        var grid = darkMode ? "#555555" : "#e5e5e5";
        layout.Font = new Plotly.Blazor.LayoutLib.Font { Color = text };
        foreach (var x in layout.XAxis ?? [])
            x.GridColor = grid;
        foreach (var y in layout.YAxis ?? [])
            y.GridColor = grid;
    }
}
