using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Access;

/// <summary>Registration of roles, sign-in and share links.</summary>
public static class AccessServiceExtensions
{
    /// <summary>
    /// The access model without the HTTP parts: options, <see cref="AdminCredentials"/>, <see cref="ShareStore"/>,
    /// <see cref="AccessPolicy"/> and the per-circuit <see cref="IHw4Access"/> (enough for component tests).
    /// </summary>
    public static IServiceCollection AddHw4Access(this IServiceCollection services)
    {
        // Bound from configuration when there is one (a component test host has none: the defaults apply).
        services.AddOptions<AuthOptions>().Configure<IServiceProvider>((auth, sp) => sp.GetService<IConfiguration>()?.GetSection(AuthOptions.Section).Bind(auth));
        services.AddSingleton(sp => new AdminCredentials(sp.GetRequiredService<IOptions<AuthOptions>>(), sp.GetService<IConfiguration>()));
        services.TryAddSingleton<ShareStore>();
        services.TryAddSingleton<AdminSessions>();
        services.AddSingleton<AccessPolicy>();
        services.AddScoped<IHw4Access, Hw4Access>();
        return services;
    }

    /// <summary>
    /// <see cref="AddHw4Access"/> plus cookie authentication (API and hub requests get 401/403, pages go to the
    /// sign-in page), the "Admin" policy and the sign-in rate limit (fixed window per client address).
    /// </summary>
    public static IServiceCollection AddHw4Authentication(this IServiceCollection services)
    {
        services.AddHw4Access();
        services.AddAuthentication(AccessClaims.Scheme).AddCookie(AccessClaims.Scheme);
        // A viewer's hub connection closes when its link is revoked or expires.
        services.AddSingleton<Streaming.IHubConnectionWatch, ViewerConnections>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(AccessClaims.Scheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) =>
            {
                cookie.Cookie.Name = "Hw4.Auth";
                cookie.Cookie.HttpOnly = true;
                // Lax: a share link opened from a chat or mail (another site) still carries the cookie it sets.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(Math.Max(1, auth.Value.SessionHours));
                cookie.SlidingExpiration = true;
                cookie.LoginPath = AccessEndpoints.SignInPage;
                cookie.AccessDeniedPath = AccessEndpoints.SignInPage;
                cookie.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, StatusCodes.Status403Forbidden, context.RedirectUri);
                // Every request: an admin cookie from before a sign-out or a password change is no sign-in at all,
                // and the browser is told to drop it.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Principal is { } user && context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>().IsStaleAdmin(user))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(AccessClaims.Scheme);
                    }
                };
            });
        services.AddSingleton<IAuthorizationHandler, AdminAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, FollowRunAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessClaims.AdminPolicy, p => p.AddRequirements(new AdminRequirement()))
            .AddPolicy(AccessClaims.FollowRunPolicy, p => p.AddRequirements(new FollowRunRequirement()));
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccessEndpoints.SignInRateLimit, context =>
            {
                var auth = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, auth.SignInAttempts),
                    Window = TimeSpan.FromSeconds(Math.Max(1, auth.SignInWindowSeconds)),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many sign-in attempts",
                    detail: "Too many sign-in attempts from this address; wait a minute, then try again.").ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    // Scripts and the hub get a status code; a page request goes to the sign-in page.
    private static Task Refuse(HttpContext context, int status, string redirectUri)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments(Streaming.RunsHub.Path) || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Results.Problem(
                statusCode: status,
                title: status == StatusCodes.Status401Unauthorized ? "Sign-in required" : "Not allowed",
                detail: IHw4Access.NotAdminMessage).ExecuteAsync(context);
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
