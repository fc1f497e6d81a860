using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Hw4.Dashboard.Configuration;

/// <summary>
/// Binds to loopback port 5080 unless the user chose addresses (<c>--urls</c>, <c>Hw4:Urls</c>, <c>ASPNETCORE_URLS</c>,
/// ports), and sets <c>AllowedHosts</c> from the addresses when the user did not.
/// </summary>
public static class DefaultUrls
{
    /// <summary>The address used when nothing else is configured.</summary>
    public const string Url = "http://localhost:5080";

    private const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>
    /// Applies <c>Hw4:Urls</c>, or <see cref="Url"/> when no address setting is present. Unless the user set
    /// <c>AllowedHosts</c>, only the host names the server is reached by are accepted, so a page on another site
    /// cannot reach it through a DNS name of its own that points here (DNS rebinding): loopback names for loopback
    /// addresses, the named host for a named one, and this machine's names and addresses for a wildcard
    /// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>).
    /// </summary>
    public static WebApplicationBuilder UseHw4DefaultUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["urls"]) && configuration["Hw4:Urls"] is { Length: > 0 } hw4Urls)
            builder.WebHost.UseUrls(hw4Urls);
        else if (!HasExplicitAddress(configuration))
            builder.WebHost.UseUrls(Url);
        if (string.IsNullOrEmpty(configuration["AllowedHosts"]) && configuration["urls"] is { Length: > 0 } urls)
            configuration["AllowedHosts"] = AllowedHostsFor(urls);
        return builder;
    }

    /// <summary>True when every address in a <c>urls</c> value is a loopback one (localhost, 127.x, [::1]).</summary>
    public static bool IsLoopbackOnly(string urls) =>
        Parse(urls).All(uri => uri is not null && IsLoopback(uri));

    /// <summary>
    /// True when the server listens on loopback only: the <c>urls</c> setting (or the default) has only loopback
    /// addresses. Ports or Kestrel endpoints configured another way count as not loopback (the safe answer).
    /// </summary>
    public static bool IsLoopbackOnly(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["urls"] is { Length: > 0 } urls)
            return IsLoopbackOnly(urls);
        return !HasExplicitAddress(configuration);
    }

    /// <summary>The <c>AllowedHosts</c> value for a <c>urls</c> value (semicolon-separated host names).</summary>
    public static string AllowedHostsFor(string urls)
    {
        var hosts = new List<string>(LoopbackHosts.Split(';'));
        foreach (var uri in Parse(urls))
        {
            if (uri is null)
                return "*";
            if (IsLoopback(uri))
                continue;
            if (IsWildcard(uri))
                hosts.AddRange(MachineHosts());
            else
                hosts.Add(uri.Host);
        }

        return string.Join(';', hosts.Distinct(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True when any of the settings Kestrel reads addresses from is set.</summary>
    public static bool HasExplicitAddress(IConfiguration configuration) =>
        new[] { "urls", "http_ports", "https_ports" }.Any(k => !string.IsNullOrWhiteSpace(configuration[k]))
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    // "+" and "*" are Kestrel's wildcards; Uri does not take them as hosts.
    private static IEnumerable<Uri?> Parse(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u =>
            Uri.TryCreate(u.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri
                : null);

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);

    private static bool IsWildcard(Uri uri) => uri.Host is "0.0.0.0" or "[::]";

    // The names and addresses by which another machine can reach this one.
    private static IEnumerable<string> MachineHosts()
    {
        yield return Environment.MachineName;
        string? fqdn = null;
        try
        {
            fqdn = Dns.GetHostEntry(Dns.GetHostName()).HostName;
        }
        catch (SocketException)
        {
            // No resolver: the machine name and the addresses still count.
        }

        if (!string.IsNullOrEmpty(fqdn))
            yield return fqdn;
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces()
                     .Where(n => n.OperationalStatus == OperationalStatus.Up)
                     .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                     .Select(a => a.Address)
                     .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal))
        {
            yield return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }
    }
}
