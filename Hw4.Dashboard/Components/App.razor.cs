using Hw4.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components;

/// <summary>The document shell, rendered once per page load on the server.</summary>
public sealed partial class App
{
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>The nonce that the Content-Security-Policy allows for the inline import map.</summary>
    private string? ScriptNonce => HttpContext is null ? null : SecurityHeaders.Nonce(HttpContext);
}
