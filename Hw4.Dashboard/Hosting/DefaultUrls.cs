namespace Hw4.Dashboard.Hosting;

/// <summary>Binds to loopback port 5080 unless the user chose addresses (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, ports).</summary>
public static class DefaultUrls
{
    /// <summary>The address used when nothing else is configured.</summary>
    public const string Url = "http://localhost:5080";

    /// <summary>Applies <see cref="Url"/> when no address setting is present.</summary>
    public static WebApplicationBuilder UseHw4DefaultUrls(this WebApplicationBuilder builder)
    {
        if (!HasExplicitAddress(builder.Configuration))
            builder.WebHost.UseUrls(Url);
        return builder;
    }

    /// <summary>True when any of the settings Kestrel reads addresses from is set.</summary>
    public static bool HasExplicitAddress(IConfiguration configuration) =>
        new[] { "urls", "http_ports", "https_ports" }.Any(k => !string.IsNullOrWhiteSpace(configuration[k]))
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
