namespace Hw4.Dashboard.Features.Report;

/// <summary>Registers the homework report's services.</summary>
public static class ReportServiceExtensions
{
    /// <summary>Adds <see cref="ReportRunQueuer"/> (needs <c>AddTraining</c> and <c>AddDenoising</c>) and <see cref="ReportGate"/>.</summary>
    public static IServiceCollection AddHomeworkReport(this IServiceCollection services)
    {
        services.AddSingleton<ReportRunQueuer>();
        services.AddSingleton<ReportGate>();
        return services;
    }
}
