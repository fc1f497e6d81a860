using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Report;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Hw4.Dashboard.Hosting;

/// <summary>Service registration for the dashboard, grouped by feature.</summary>
public static class Hw4ServiceExtensions
{
    /// <summary>Adds the core (<see cref="AddHw4Core"/>), Blazor, MudBlazor, the features and sign-in.</summary>
    public static WebApplicationBuilder AddHw4Services(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHw4Core();

        // Kestrel enforces the same body limit as RequestBodyLimitMiddleware, which turns its 413 into a JSON problem.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<Hw4Options>>((kestrel, hw4) =>
            kestrel.Limits.MaxRequestBodySize = hw4.Value.MaxRequestBodyBytes);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(RunStatusJson.Converter()));

        services.AddRunStreaming(builder.Configuration);
        services.AddRunQueue();
        services.AddDenoising();
        // Training before the run store: its start-up recovery must settle the folders before the index is built.
        services.AddTraining();
        services.AddHomeworkReport();
        // The report's HTML is the pages' Razor components rendered outside a page.
        services.AddSingleton<IReportHtmlRenderer, Components.Report.HomeworkReportRenderer>();
        services.AddRunStore();
        services.AddHw4Authentication();
        services.AddSingleton<Features.Api.RunStatusReader>();
        return builder;
    }

    /// <summary>
    /// What every host (web instance or <see cref="WorkerHost"/>) needs first: the <c>Hw4</c> options, validated at
    /// start, the clock, the device and the data folders.
    /// </summary>
    public static IServiceCollection AddHw4Core(this IServiceCollection services)
    {
        services.AddOptions<Hw4Options>().BindConfiguration(Hw4Options.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Hw4Options>, Hw4OptionsValidator>();
        services.AddSingleton<IValidateOptions<Hw4Options>, RetiredSettingsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DeviceContext.FromOptions(sp.GetRequiredService<IOptions<Hw4Options>>().Value));
        services.AddSingleton(sp => DataLocator.FromOptions(sp.GetRequiredService<IOptions<Hw4Options>>().Value));
        return services;
    }
}
