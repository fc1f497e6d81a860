using MudBlazor;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The colours. MudBlazor's default success, warning and info put white text on colours too light for it (about 2:1);
/// these keep status chips, alerts and coloured deltas at 4.5:1 or better: dark hues under white text in the light theme,
/// light hues under near-black text in the dark one, and dark-theme secondary text bright enough for its surface.
/// Buttons keep the case they are written in: upper-casing turned "α 1.5" into "Α 1.5" (a capital alpha reads as A).
/// </summary>
public static class Hw4Theme
{
    private const string NearBlack = "#121212";

    /// <summary>The theme, light and dark palettes.</summary>
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography { Button = new ButtonTypography { TextTransform = "none" } },
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
            // Alerts write their text in the "darken" shade on a faint tint of the colour: on a dark page it must be light.
            SuccessDarken = "#a5d6a7",
            WarningDarken = "#ffe0b2",
            ErrorDarken = "#ffcdd2",
            InfoDarken = "#b3e5fc",
            PrimaryDarken = "#c5cae9",
            // Helper texts, labels and captions: MudBlazor's 50 % white is about 3:1 on the dark surface.
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.72)",
        },
    };
}
