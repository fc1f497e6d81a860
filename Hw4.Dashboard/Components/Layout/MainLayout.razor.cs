using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The shell: a skip link, the app bar (links on wide screens, the current one marked; a drawer on phones), status chip,
/// sign-in and the light/dark toggle, remembered in a cookie (<see cref="ThemeChoice"/>) so pages are rendered in it; the page inside a main landmark. A
/// viewer who came by a share link gets no navigation and no status chip: the link shows one page.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>The theme the page was first rendered in (the browser's cookie, read by the document shell).</summary>
    [CascadingParameter(Name = "StartsDark")]
    private bool StartsDark { get; set; }

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
    protected override void OnInitialized()
    {
        IsDarkMode = StartsDark;
        Navigation.LocationChanged += OnLocationChanged;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || IsDarkMode)
            return;
        // A dark choice made before the cookie existed lives only in local storage: take it, and move it to the cookie.
        try
        {
            await using var module = await Js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (await module.InvokeAsync<string?>("storedTheme", ThemeChoice.Key) == ThemeChoice.Dark)
            {
                IsDarkMode = true;
                await module.InvokeVoidAsync("saveTheme", ThemeChoice.Key, ThemeChoice.Dark, ThemeChoice.DocumentStyle(dark: true));
                StateHasChanged();
            }
        }
        catch (JSException)
        {
            // Storage refused (private mode, policy): the light theme stays, and the toggle still works for this tab.
        }
        catch (JSDisconnectedException)
        {
            // The tab went away.
        }
    }

    private const string ModulePath = "./Components/Layout/MainLayout.razor.js";

    private string? AriaCurrent(NavItem item) => NavSelection.IsCurrent(item.Href, Navigation.ToBaseRelativePath(Navigation.Uri)) ? "page" : null;

    private string NavClass(NavItem item) => AriaCurrent(item) is null ? "mx-1" : "mx-1 nav-current";

    private async Task ToggleThemeAsync()
    {
        IsDarkMode = !IsDarkMode;
        try
        {
            await using var module = await Js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await module.InvokeVoidAsync("saveTheme", ThemeChoice.Key, IsDarkMode ? ThemeChoice.Dark : "light", ThemeChoice.DocumentStyle(IsDarkMode));
        }
        catch (JSException)
        {
            // Not remembered across reloads; the switch itself happened.
        }
        catch (JSDisconnectedException)
        {
            // The tab went away.
        }
    }

    private async Task SkipToMainAsync() => await Main.FocusAsync();

    private void ToggleDrawer() => DrawerOpen = !DrawerOpen;

    private void CloseDrawer() => DrawerOpen = false;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    /// <inheritdoc />
    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
