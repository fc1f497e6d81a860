using Hw4.Dashboard.Components;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Api;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Export;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Features.Runs.Files;
using Hw4.Dashboard.Features.Sharing;
using Hw4.Dashboard.Features.Streaming;

namespace Hw4.Dashboard.Hosting;

/// <summary>Middleware and endpoints.</summary>
public static class Hw4PipelineExtensions
{
    /// <summary>Resolves the device once, adds the security headers and the request-body limit, then sign-in; maps static assets, the Blazor app, the hub, run files, the runs API, sign-in and share links, and <c>/healthz</c>.</summary>
    public static WebApplication UseHw4Pipeline(this WebApplication app)
    {
        // Resolve now so a bad Hw4:Device stops the start with its message instead of failing the first page.
        var device = app.Services.GetRequiredService<DeviceContext>();
        app.Logger.LogInformation("Device: {Device}", device.Name);
        // Likewise a malformed admin password hash; and the sign-in mode is fixed from here on.
        var credentials = app.Services.GetRequiredService<AdminCredentials>();
        app.Logger.LogInformation("Admin sign-in: {Mode}", credentials.Mode);

        // First, so that error pages and refusals carry the headers too.
        app.UseHw4SecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        // A browser asking for an address that matches nothing gets the app's own page (layout, links) with status 404.
        // Only page loads: API clients keep their JSON problems and empty 404s.
        app.UseWhen(
            context => AccessEndpoints.AcceptsHtml(context.Request),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routes (inside, after its rewrite) after the status-code pages, so a re-executed request is matched to /not-found again.
        app.UsePlotlyCartesianBundle();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<SameOriginGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<RunsHub>(RunsHub.Path);
        app.MapRunFiles();
        app.MapRunsApi();
        app.MapSharesApi();
        app.MapExports();
        app.MapHomeworkReport();
        app.MapHw4Access();
        app.MapGet("/healthz", () => Results.Ok("ok"));
        return app;
    }
}
