namespace Hw4.Dashboard.Features.Training;

/// <summary>Registers the training launcher and its job factory.</summary>
public static class TrainingServiceExtensions
{
    /// <summary>Adds <see cref="TrainingLauncher"/>.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddSingleton<CifarDataProvider>();
        services.AddSingleton<ITrainJobFactory, TrainerJobFactory>();
        services.AddSingleton<TrainingLauncher>();
        return services;
    }
}
