using Hw4.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Hosting;

/// <summary>Builds and runs the web application.</summary>
public static class WebHost
{
    /// <summary>Builds the app: services, middleware and endpoints.</summary>
    public static WebApplication Build(string[] args)
    {
        // Before the device is resolved (which loads LibTorch): OpenMP reads its wait policy once, at load.
        Hw4.Ml.Runtime.OpenMpSettings.PreferPassiveWait();
        Hw4.Ml.Runtime.MallocSettings.EnsureConfigured();
        // The application name picks the static-assets manifest; pin it so hosts started from tests find ours.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            // The app's own folder, not the working directory: `dotnet run` starts in the caller's folder (so relative
            // paths on the command line mean what the user typed) and a published binary may be started from anywhere.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.UseHw4DefaultUrls();
        // A failed start is reported by RunAsync in one line (or, for anything unexpected, by the runtime); the host's
        // own "Hosting failed to start" would print the same exception again as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // Package assets (MudBlazor, Plotly) are served from the NuGet cache when running from a build folder in any
        // environment, not only Development; a published app has them in wwwroot and the call is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        builder.AddHw4Services();
        var app = builder.Build();
        app.UseHw4Pipeline();
        return app;
    }

    /// <summary>
    /// Builds and runs the app until shutdown; returns the exit code. Bad configuration (an unknown device, an invalid
    /// option) ends with one clear line on stderr and exit code 2 rather than a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
            await app.StartAsync();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"error: {string.Join("; ", e.Failures)}");
            return 2;
        }
        catch (StartupConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen: {e.Message.ReplaceLineEndings(" ")} (is another Hw4 Lab or program using the port? choose another with --urls)");
            return 2;
        }

        foreach (var url in app.Urls)
            Console.WriteLine($"Hw4 Lab dashboard: {url}");
        PrintSignIn(app);
        await app.WaitForShutdownAsync();
        return 0;
    }

    // On the console only (never the log): the token is what makes its reader admin, as Jupyter prints its own.
    private static void PrintSignIn(WebApplication app)
    {
        var credentials = app.Services.GetRequiredService<Features.Access.AdminCredentials>();
        var first = app.Urls.FirstOrDefault() ?? DefaultUrls.Url;
        switch (credentials.Mode)
        {
            case Features.Access.SignInMode.StartupToken:
                Console.WriteLine("Admin sign-in needs this token (valid until the server stops); open:");
                Console.WriteLine($"    {first.TrimEnd('/')}{Features.Access.AccessEndpoints.SignInPage}?token={credentials.StartupToken}");
                break;
            case Features.Access.SignInMode.Password:
                Console.WriteLine($"Admin sign-in: with the configured password at {first.TrimEnd('/')}{Features.Access.AccessEndpoints.SignInPage}");
                break;
            default:
                Console.WriteLine("Loopback only and no password set: whoever uses this machine is admin.");
                break;
        }
    }
}
