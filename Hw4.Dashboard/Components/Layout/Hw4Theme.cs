using MudBlazor;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The colours. MudBlazor's default success, warning and info put white text on colours too light for it (about 2:1);
/// these keep status chips, alerts and coloured deltas at 4.5:1 or better: dark hues under white text in the light theme,
/// light hues under near-black text in the dark one.
/// </summary>
public static class Hw4Theme
{
    private const string NearBlack = "#121212";

    /// <summary>The theme, light and dark palettes.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            AppbarBackground = "#3f51b5",
            Success = "#2e7d32",
            Warning = "#a84700",
            Error = "#c62828",
            Info = "#01579b",
            Secondary = "#ad1457",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = NearBlack,
            Success = "#66bb6a",
            SuccessContrastText = NearBlack,
            Warning = "#ffa726",
            WarningContrastText = NearBlack,
            Error = "#ef9a9a",
            ErrorContrastText = NearBlack,
            Info = "#4fc3f7",
            InfoContrastText = NearBlack,
        },
    };
}
