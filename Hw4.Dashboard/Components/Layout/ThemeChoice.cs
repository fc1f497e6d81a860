namespace Hw4.Dashboard.Components.Layout;

/// <summary>
/// The light/dark choice, kept in a cookie (and, for older tabs, in local storage) under <see cref="Key"/>. The cookie
/// is what lets the server render the first HTML of a page in the chosen theme: a choice read only by the circuit,
/// after the page had painted, flashed the light theme on every full load.
/// </summary>
public static class ThemeChoice
{
    /// <summary>The cookie and local-storage key; the value is <see cref="Dark"/> or <c>light</c>.</summary>
    public const string Key = "hw4-theme";

    /// <summary>The value that picks the dark theme.</summary>
    public const string Dark = "dark";

    /// <summary>True when the request carries the dark choice.</summary>
    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies.TryGetValue(Key, out var value) == true && string.Equals(value, Dark, StringComparison.Ordinal);

    /// <summary>
    /// The document's own colours before any stylesheet or script: the dark page background and form controls, so not
    /// even the first paint is white. Null for the light theme (the browser's default).
    /// </summary>
    public static string? DocumentStyle(bool dark) =>
        dark ? $"color-scheme: dark; background-color: {Hw4Theme.Theme.PaletteDark.Background}" : null;
}
