using System.Text.Json;
using Hw4.Ml.Runs;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Store;

/// <summary>Projects a run folder's <see cref="RunSummary"/> onto its index row; the index holds nothing else.</summary>
public static class RunRows
{
    /// <summary>
    /// The row of <paramref name="summary"/>; <paramref name="now"/> stamps <see cref="RunRow.IndexedAt"/>, and the raw
    /// run.json is read again within <paramref name="limits"/>.
    /// </summary>
    public static RunRow From(RunSummary summary, DateTimeOffset now, RunFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var record = summary.Record;
        var denoise = record?.Denoise?.Options;
        return new RunRow
        {
            Id = summary.Id,
            Name = RunName.Of(summary),
            Host = record?.Host,
            Kind = record?.Kind ?? RunKinds.Train,
            Model = record?.Config?.Model.ToString().ToLowerInvariant(),
            Status = summary.StatusText,
            Problem = summary.Problem,
            CreatedAt = record?.CreatedUtc ?? new DateTimeOffset(Directory.GetCreationTimeUtc(summary.Directory), TimeSpan.Zero),
            EpochsPlanned = record?.Config?.Epochs,
            Norm = denoise?.Norm.ToString().ToLowerInvariant(),
            Optimizer = denoise is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(denoise.Optimizer.ToString()),
            Alpha = denoise?.Alpha,
            LearningRate = denoise?.Lr ?? record?.Config?.LearningRate,
            // SQLite stores no NaN, and +∞ (an identical image) is no figure to sort by.
            Psnr = summary.DenoisePsnr is { } psnr && double.IsFinite(psnr) ? psnr : null,
            EpochsDone = summary.Epochs.Count,
            StepsPlanned = denoise?.Steps,
            StepsDone = denoise is null ? null : summary.Denoised?.Steps ?? summary.LastDenoiseStep?.Step ?? 0,
            BestEpoch = summary.Best?.Epoch,
            BestValLoss = summary.Best?.ValLoss,
            TestAccuracy = summary.TestAccuracy,
            ConfigJson = RunDirectory.Open(summary.Directory, limits).ReadRunText(),
            Message = record?.Message ?? summary.Divergence?.Message,
            Tags = [.. summary.Notes.Tags],
            Notes = summary.Notes.Notes.Length == 0 ? null : summary.Notes.Notes,
            IndexedAt = now,
            // SQLite stores no NaN: a non-finite validation loss is kept as missing.
            Epochs = summary.Epochs.Select(e => new EpochRecord
            {
                RunId = summary.Id,
                Epoch = e.Epoch,
                TrainLoss = double.IsFinite(e.TrainLoss) ? e.TrainLoss : 0,
                ValLoss = double.IsFinite(e.ValLoss) ? e.ValLoss : null,
                ValAccuracy = double.IsFinite(e.ValAccuracy) ? e.ValAccuracy : null,
                Seconds = e.Seconds,
                ImagesPerSecond = e.ImagesPerSecond,
            }).ToList(),
        };
    }
}
