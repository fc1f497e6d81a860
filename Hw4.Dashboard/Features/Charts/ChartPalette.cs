namespace Hw4.Dashboard.Features.Charts;

/// <summary>The colours runs and series cycle through, so a run keeps its colour across the compare page's charts.</summary>
public static class ChartPalette
{
    private static readonly string[] Colors = ["#3f51b5", "#e91e63", "#4caf50", "#ff9800", "#9c27b0", "#00bcd4", "#795548", "#607d8b"];

    /// <summary>The colour of series <paramref name="index"/> (wraps around).</summary>
    public static string Color(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
