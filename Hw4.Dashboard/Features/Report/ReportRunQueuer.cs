using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Imaging;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Queues the runs a homework report lacks, through the existing launchers, always with the homework's settings: a
/// training run of the recipe (the Train form's defaults: 15 epochs, batch 64, Adam 1e-4, augmentation) per model and
/// seed, and a denoising run of the shared parrots at the part's preset (recording every step, for the report's curves).
/// Callers check the admin role first.
/// </summary>
public sealed class ReportRunQueuer(TrainingLauncher training, DenoiseLauncher denoise, DataLocator data)
{
    /// <summary>Queues a run of the homework's settings for each of <paramref name="parts"/>; the ids queued, and the first reason one could not be.</summary>
    public (IReadOnlyList<string> RunIds, string? Error) QueueParts(IReadOnlyList<ReportPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var queued = new List<string>();
        foreach (var part in parts)
        {
            var (id, error) = ReportParts.IsDenoise(part) ? Denoise(part) : Train(ReportParts.Model(part), 0);
            if (id is null)
                return (queued, error);
            queued.Add(id);
        }

        return (queued, null);
    }

    /// <summary>
    /// Queues the homework's recipe of each model for every seed of 0 … <paramref name="count"/> − 1 that has no such
    /// run yet (completed or on its way); the ids queued, the seeds left out as already there, and the first reason one
    /// could not be queued.
    /// </summary>
    public (IReadOnlyList<string> RunIds, int AlreadyThere, string? Error) QueueSeeds(ReportRuns runs, int count)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var queued = new List<string>();
        var there = 0;
        foreach (var model in new[] { ModelKind.Cnn, ModelKind.Residual })
        {
            var existing = runs.RecipeSeeds(model);
            for (var seed = 0; seed < count; seed++)
            {
                if (existing.Contains(seed))
                {
                    there++;
                    continue;
                }

                var (id, error) = Train(model, seed);
                if (id is null)
                    return (queued, there, error);
                queued.Add(id);
            }
        }

        return (queued, there, null);
    }

    private (string? RunId, string? Error) Train(ModelKind model, int seed) => training.Launch(new TrainSettings { Model = model, Seed = seed });

    private (string? RunId, string? Error) Denoise(ReportPart part)
    {
        if (data.NoisyImage is not { } noisy)
            return (null, "No shared parrots-noisy.png found by configuration (Hw4:DataDir, HW4_DATA, ../shared), so no denoising run.");
        var config = new DenoiseRunConfig { Options = ReportParts.Settings(part) with { ReportEvery = 1 }, Preset = ReportParts.Preset(part), Source = Path.GetFileName(noisy) };
        return denoise.Launch(config, ImageFile.Load(noisy), data.CleanImage is { } clean ? ImageFile.Load(clean) : null);
    }
}
