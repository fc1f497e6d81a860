using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The shell: a skip link, the app bar (links on wide screens, the current one marked; a drawer on phones), status chip,
/// sign-in and the light/dark toggle, remembered in the browser's local storage; the page inside a main landmark. A
/// viewer who came by a share link gets no navigation and no status chip: the link shows one page.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    /// <summary>The local-storage key of the theme choice (<c>dark</c> or <c>light</c>).</summary>
    public const string ThemeKey = "hw4-theme";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>The navigation shown: all of it for an admin, none for anyone else.</summary>
    private IReadOnlyList<NavItem> NavItems { get; set; } = [];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() =>
        NavItems = await Access.IsAdminAsync() ? NavItem.All : [];

    /// <summary>The theme.</summary>
    private static MudTheme Theme => Hw4Theme.Theme;

    /// <summary>Dark mode on.</summary>
    private bool IsDarkMode { get; set; }

    /// <summary>The phone drawer is open.</summary>
    private bool DrawerOpen { get; set; }

    private ElementReference Main { get; set; }

    /// <summary>The toggle's icon: the mode it switches to.</summary>
    private string ThemeToggleIcon => IsDarkMode ? Icons.Material.Filled.LightMode : Icons.Material.Filled.DarkMode;

    /// <summary>The toggle's label.</summary>
    private string ThemeToggleLabel => IsDarkMode ? "Switch to light theme" : "Switch to dark theme";

    // Without the circuit the link still works as a fragment link on the current page.
    private string SkipHref => NavSelection.WithoutFragment(Navigation.Uri) + "#main-content";

    /// <inheritdoc />
    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
            return;
        try
        {
            if (await Js.InvokeAsync<string?>("localStorage.getItem", ThemeKey) == "dark" && !IsDarkMode)
            {
                IsDarkMode = true;
                StateHasChanged();
            }
        }
        catch (JSException)
        {
            // Storage refused (private mode, policy): the light theme stays, and the toggle still works for this tab.
        }
    }

    private string? AriaCurrent(NavItem item) => NavSelection.IsCurrent(item.Href, Navigation.ToBaseRelativePath(Navigation.Uri)) ? "page" : null;

    private string NavClass(NavItem item) => AriaCurrent(item) is null ? "mx-1" : "mx-1 nav-current";

    private async Task ToggleThemeAsync()
    {
        IsDarkMode = !IsDarkMode;
        try
        {
            await Js.InvokeVoidAsync("localStorage.setItem", ThemeKey, IsDarkMode ? "dark" : "light");
        }
        catch (JSException)
        {
            // Not remembered across reloads; the switch itself happened.
        }
    }

    private async Task SkipToMainAsync() => await Main.FocusAsync();

    private void ToggleDrawer() => DrawerOpen = !DrawerOpen;

    private void CloseDrawer() => DrawerOpen = false;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    /// <inheritdoc />
    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
