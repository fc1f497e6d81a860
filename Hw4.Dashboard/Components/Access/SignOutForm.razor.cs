using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Access;

/// <summary>A Sign out button: a plain form with its antiforgery token, posted to the sign-out endpoint.</summary>
public sealed partial class SignOutForm
{
    /// <summary>The button's text.</summary>
    [Parameter]
    public string Label { get; set; } = "Sign out";

    /// <summary>The button's test id.</summary>
    [Parameter]
    public string TestId { get; set; } = "signout";
}
