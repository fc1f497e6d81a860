using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>Registers denoising: its jobs, launcher, step-time estimator and upload limits.</summary>
public static class DenoiseServiceExtensions
{
    /// <summary>
    /// Adds the denoising jobs (<see cref="DenoiseJobFactory"/>, also on a worker), <see cref="DenoiseLauncher"/> and
    /// <see cref="StepTimeEstimator"/>, and binds <see cref="DenoiseUploadOptions"/>. Needs <c>AddRunQueue</c>.
    /// </summary>
    public static IServiceCollection AddDenoising(this IServiceCollection services)
    {
        services.AddOptions<DenoiseUploadOptions>()
            .BindConfiguration(DenoiseUploadOptions.Section)
            .Validate(o => o.LargeImagePixels > 0 && o.MaxPixels >= o.LargeImagePixels,
                "Hw4:Denoise: LargeImagePixels must be positive and at most MaxPixels.")
            .ValidateOnStart();
        services.AddDenoiseJobs();
        services.AddSingleton<DenoiseLauncher>();
        services.AddSingleton<StepTimeEstimator>();
        return services;
    }

    /// <summary>Adds what runs denoising jobs taken from a scheduler (a worker has this and no pages).</summary>
    public static IServiceCollection AddDenoiseJobs(this IServiceCollection services)
    {
        services.AddSingleton<DenoiseSessions>();
        services.AddSingleton<IRunJobFactory, DenoiseJobFactory>();
        return services;
    }
}
