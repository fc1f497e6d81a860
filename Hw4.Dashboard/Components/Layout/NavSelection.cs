namespace Hw4.Dashboard.Components.Layout;

/// <summary>Which navigation entry a page belongs to: Home only at the root, the others for their path and below it.</summary>
public static class NavSelection
{
    /// <summary>True when <paramref name="relativePath"/> (base-relative, as NavigationManager gives it) is under <paramref name="href"/>.</summary>
    public static bool IsCurrent(string href, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(href);
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Split('?', '#')[0].TrimEnd('/');
        if (href.Length == 0)
            return path.Length == 0;
        return path.Equals(href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="uri"/> without its <c>#fragment</c>.</summary>
    public static string WithoutFragment(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? uri : uri[..hash];
    }
}
