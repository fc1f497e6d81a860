namespace Hw4.Dashboard.Hosting;

/// <summary>Builds the web application. Filled in by the dashboard work.</summary>
public static class WebHost
{
    /// <summary>Builds the app: services, middleware and endpoints.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok("ok"));
        return app;
    }
}
