namespace Hw4.Dashboard.Components.Access;

/// <summary>A Sign out button: a plain form with its antiforgery token, posted to the sign-out endpoint.</summary>
public sealed partial class SignOutForm;
