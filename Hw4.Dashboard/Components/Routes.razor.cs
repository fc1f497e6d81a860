using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components;

/// <summary>The router, with the access gate around every page.</summary>
public sealed partial class Routes
{
    /// <summary>
    /// The theme the browser chose, read by the document shell from the request's cookie. A root component's parameter
    /// travels with the prerendered page to the circuit, so the first render and the live one agree: no flash of light.
    /// </summary>
    [Parameter]
    public bool StartsDark { get; set; }
}
