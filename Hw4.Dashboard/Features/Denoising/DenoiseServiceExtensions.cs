using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>Registers the denoising launcher, the step-time estimator and the upload limits.</summary>
public static class DenoiseServiceExtensions
{
    /// <summary>Adds <see cref="DenoiseLauncher"/> and <see cref="StepTimeEstimator"/>, and binds <see cref="DenoiseUploadOptions"/>.</summary>
    public static IServiceCollection AddDenoising(this IServiceCollection services)
    {
        services.AddOptions<DenoiseUploadOptions>()
            .BindConfiguration(DenoiseUploadOptions.Section)
            .Validate(o => o.LargeImagePixels > 0 && o.MaxPixels >= o.LargeImagePixels,
                "Hw4:Denoise: LargeImagePixels must be positive and at most MaxPixels.")
            .ValidateOnStart();
        // The launcher records this host's name as the run's host (also registered by AddRunQueue).
        services.TryAddSingleton<Queue.Store.HostIdentity>();
        services.AddSingleton<DenoiseLauncher>();
        services.AddSingleton<StepTimeEstimator>();
        return services;
    }
}
