namespace Hw4.Dashboard.Components.Layout;

/// <summary>One entry of the app bar and the phone drawer.</summary>
public sealed record NavItem(string Title, string Href, string Icon)
{
    /// <summary>The navigation, in display order.</summary>
    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("Home", "", MudBlazor.Icons.Material.Filled.Home),
        new("Autograd", "autograd", MudBlazor.Icons.Material.Filled.Functions),
        new("Denoise", "denoise", MudBlazor.Icons.Material.Filled.AutoFixHigh),
        new("Train", "train", MudBlazor.Icons.Material.Filled.ModelTraining),
        new("Runs", "runs", MudBlazor.Icons.Material.Filled.List),
        new("Compare", "compare", MudBlazor.Icons.Material.Filled.CompareArrows),
        new("Shares", "shares", MudBlazor.Icons.Material.Filled.Share),
        new("Report", "report", MudBlazor.Icons.Material.Filled.Description),
    ];
}
