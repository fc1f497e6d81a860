using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Queues exactly the runs a homework report lacks, through the existing launchers: a training run of the homework's
/// recipe (the Train form's defaults: 15 epochs, seed 0) per missing model, and a denoising run of the shared parrots
/// at the norm's <c>best</c> preset per missing norm. Callers check the admin role first.
/// </summary>
public sealed class ReportRunQueuer(TrainingLauncher training, DenoiseLauncher denoise, DataLocator data)
{
    /// <summary>Queues the runs of <paramref name="missing"/>; the ids queued, and the first reason one could not be.</summary>
    public (IReadOnlyList<string> RunIds, string? Error) QueueMissing(IReadOnlyList<ReportPart> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var queued = new List<string>();
        foreach (var part in missing)
        {
            var (id, error) = part switch
            {
                ReportPart.Cnn => training.Launch(new TrainSettings { Model = ModelKind.Cnn }),
                ReportPart.Residual => training.Launch(new TrainSettings { Model = ModelKind.Residual }),
                ReportPart.DenoiseL1 => Denoise(DenoiseNorm.L1),
                _ => Denoise(DenoiseNorm.L2),
            };
            if (id is null)
                return (queued, error);
            queued.Add(id);
        }

        return (queued, null);
    }

    private (string? RunId, string? Error) Denoise(DenoiseNorm norm)
    {
        if (data.NoisyImage is not { } noisy)
            return (null, "No shared parrots-noisy.png found by configuration (Hw4:DataDir, HW4_DATA, ../shared), so no denoising run.");
        var config = new DenoiseRunConfig { Options = DenoisePresets.Best(norm), Preset = "best", Source = Path.GetFileName(noisy) };
        return denoise.Launch(config, ImageFile.Load(noisy), data.CleanImage is { } clean ? ImageFile.Load(clean) : null);
    }
}
