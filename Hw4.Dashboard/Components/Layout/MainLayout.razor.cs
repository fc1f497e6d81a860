using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The shell: app bar (links on wide screens, a drawer on phones), status chip, sign-in and light/dark toggle. A viewer
/// who came by a share link gets no navigation and no status chip: the link shows one page.
/// </summary>
public partial class MainLayout
{
    private static readonly MudTheme Hw4Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", AppbarBackground = "#3f51b5" },
        PaletteDark = new PaletteDark { Primary = "#7986cb" },
    };

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>The navigation shown: all of it for an admin, none for anyone else.</summary>
    protected IReadOnlyList<NavItem> NavItems { get; private set; } = [];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() =>
        NavItems = await Access.IsAdminAsync() ? NavItem.All : [];

    /// <summary>The theme.</summary>
    protected MudTheme Theme => Hw4Theme;

    /// <summary>Dark mode on (per browser tab).</summary>
    protected bool IsDarkMode { get; set; }

    /// <summary>The phone drawer is open.</summary>
    protected bool DrawerOpen { get; set; }

    /// <summary>The toggle's icon: the mode it switches to.</summary>
    protected string ThemeToggleIcon => IsDarkMode ? Icons.Material.Filled.LightMode : Icons.Material.Filled.DarkMode;

    /// <summary>The toggle's label.</summary>
    protected string ThemeToggleLabel => IsDarkMode ? "Switch to light theme" : "Switch to dark theme";

    /// <summary>Flips light/dark.</summary>
    protected void ToggleTheme() => IsDarkMode = !IsDarkMode;

    /// <summary>Opens or closes the drawer.</summary>
    protected void ToggleDrawer() => DrawerOpen = !DrawerOpen;

    /// <summary>Closes the drawer after a link is chosen.</summary>
    protected void CloseDrawer() => DrawerOpen = false;
}
