namespace Hw4.Dashboard.Features.Access;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInForm
{
    /// <summary>The admin password, or the token printed at start.</summary>
    public string? Secret { get; set; }

    /// <summary>The local page to return to.</summary>
    public string? ReturnUrl { get; set; }
}
