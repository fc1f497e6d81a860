using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;

namespace Hw4.Dashboard.Features.Training;

/// <summary>Registers training: its jobs, launcher and the start-up recovery of run folders.</summary>
public static class TrainingServiceExtensions
{
    /// <summary>
    /// Adds the training jobs (<see cref="AddTrainingJobs"/>), <see cref="TrainingLauncher"/>,
    /// <see cref="RunRecovery"/> and <see cref="RunOwnerSweeper"/>. Needs <c>AddRunQueue</c>.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddRunRepository();
        services.AddTrainingJobs();
        services.AddSingleton<TrainingLauncher>();
        // Registered before the run store so that its start (the index rebuild) sees the recovered statuses.
        services.AddHostedService<RunRecovery>();
        // After the start: runs of other processes (a CLI train, a worker) whose owner died are interrupted here too.
        services.AddHostedService<RunOwnerSweeper>();
        return services;
    }

    /// <summary>Adds what runs training jobs taken from a scheduler (a worker has this and no pages).</summary>
    public static IServiceCollection AddTrainingJobs(this IServiceCollection services)
    {
        services.AddSingleton<CifarDataProvider>();
        services.AddSingleton<IRunJobFactory, TrainingJobFactory>();
        return services;
    }
}
