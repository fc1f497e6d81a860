namespace Hw4.Dashboard.Hosting;

/// <summary>Binds to loopback port 5080 unless the user chose addresses (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, ports).</summary>
public static class DefaultUrls
{
    /// <summary>The address used when nothing else is configured.</summary>
    public const string Url = "http://localhost:5080";

    /// <summary>
    /// Applies <see cref="Url"/> when no address setting is present. When the server listens on loopback only and
    /// the user set no <c>AllowedHosts</c>, only loopback host names are accepted, so a page on another site cannot
    /// reach it through a DNS name that points at 127.0.0.1 (DNS rebinding).
    /// </summary>
    public static WebApplicationBuilder UseHw4DefaultUrls(this WebApplicationBuilder builder)
    {
        if (!HasExplicitAddress(builder.Configuration))
            builder.WebHost.UseUrls(Url);
        var urls = builder.Configuration["urls"] ?? Url;
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]) && IsLoopbackOnly(urls))
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
        return builder;
    }

    /// <summary>True when every address in a <c>urls</c> value is a loopback one (localhost, 127.x, [::1]).</summary>
    public static bool IsLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(u =>
            Uri.TryCreate(u.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when any of the settings Kestrel reads addresses from is set.</summary>
    public static bool HasExplicitAddress(IConfiguration configuration) =>
        new[] { "urls", "http_ports", "https_ports" }.Any(k => !string.IsNullOrWhiteSpace(configuration[k]))
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
