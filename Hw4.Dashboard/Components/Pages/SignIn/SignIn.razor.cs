using Hw4.Dashboard.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Pages.SignIn;

/// <summary>
/// The admin sign-in page: a plain form (with its antiforgery token) posted to <see cref="AccessEndpoints.SignInPath"/>,
/// which sets the cookie and comes back here with <c>?failed=1</c> when the password or token is wrong. The console's
/// <c>/signin?token=…</c> link fills the field in; the user still presses Sign in, so a GET never signs anyone in.
/// </summary>
[AllowAnonymous]
public sealed partial class SignIn
{
    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private AdminCredentials Credentials { get; set; } = default!;

    /// <summary>The token from the console link.</summary>
    [SupplyParameterFromQuery(Name = "token")]
    public string? Token { get; set; }

    /// <summary>Set after a wrong password or token.</summary>
    [SupplyParameterFromQuery(Name = AccessEndpoints.FailedFlag)]
    public string? FailedQuery { get; set; }

    /// <summary>Where to go afterwards.</summary>
    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrlQuery { get; set; }

    private SignInMode Mode => Credentials.Mode;

    private bool IsAdmin { get; set; }

    private bool IsViewer { get; set; }

    private bool Failed => FailedQuery is "1";

    private string ReturnUrl => AccessEndpoints.SafeReturnUrl(ReturnUrlQuery);

    private string SecretLabel => Mode == SignInMode.Password ? "Admin password" : "Sign-in token";

    private string WrongSecretText => Mode == SignInMode.Password ? "Wrong password." : "Wrong token.";

    private string Hint => Mode == SignInMode.Password
        ? "The password is the one whose hash is set as Hw4:Auth:AdminPasswordHash."
        : "The token is printed on the server's console when it starts (a new one each start).";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var grant = await Access.GetAsync();
        IsAdmin = grant.IsAdmin;
        IsViewer = grant.Share is not null;
    }
}
