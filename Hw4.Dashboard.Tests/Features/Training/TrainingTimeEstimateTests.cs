using Hw4.Dashboard.Store;
using Hw4.Dashboard.Features.Training;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Tests.Features.Training;

/// <summary>Home's "how long the homework's recipe takes here", from a run measured on this machine.</summary>
public sealed class TrainingTimeEstimateTests
{
    private static RunRow Cnn(string id, string? host, int trainImages, params double[] epochSeconds) => new()
    {
        Id = id,
        Name = $"CNN · seed 0 · {epochSeconds.Length} ep",
        Kind = "train",
        Model = "cnn",
        Host = host,
        CreatedAt = DateTimeOffset.Parse($"2026-12-0{epochSeconds.Length}T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        EpochsDone = epochSeconds.Length,
        ConfigJson = $$"""{"id":"{{id}}","kind":"train","train_images":{{trainImages}}}""",
        Epochs = [.. epochSeconds.Select((s, i) => new EpochRecord { RunId = id, Epoch = i + 1, Seconds = s, ImagesPerSecond = trainImages / s })],
    };

    [Fact]
    public void Of_A2048ImageRunAt2SecondsAnEpoch_TheRecipesFifteenEpochsOf45000Images()
    {
        // 2,048 images in 2 s (median of 1.9, 2, 2.4): 45,000 × 15 images take 659 s, about 11 min.
        var estimate = TrainingTimeEstimate.Of(Cnn("r1", "vm", 2048, 2.4, 2.0, 1.9))!;

        Assert.Equal(45_000 * 15 * 2.0 / 2048, estimate.Seconds, 6);
        Assert.Equal("about 11 min", estimate.Duration);
        Assert.Equal(1024, estimate.ImagesPerSecond, 6);
        Assert.Equal("CNN · seed 0 · 3 ep", estimate.RunName);
    }

    [Fact]
    public void PickRun_RunsOfSeveralHostsAndKinds_TheNewestTimedCnnRunOfThisHost()
    {
        RunRow[] runs =
        [
            Cnn("other-host", "gpu-1", 1000, 1, 1, 1, 1),
            Cnn("this-host-old", "vm", 1000, 5),
            Cnn("this-host-new", "vm", 1000, 5, 5),
            new RunRow { Id = "residual", Kind = "train", Model = "residual", Host = "vm", EpochsDone = 3, ConfigJson = """{"train_images":1000}""", CreatedAt = DateTimeOffset.MaxValue },
            new RunRow { Id = "denoise", Kind = "denoise", Host = "vm", CreatedAt = DateTimeOffset.MaxValue },
            new RunRow { Id = "queued", Kind = "train", Model = "cnn", Host = "vm", EpochsDone = 0, CreatedAt = DateTimeOffset.MaxValue },
        ];

        Assert.Equal("this-host-new", TrainingTimeEstimate.PickRun(runs, "vm")?.Id);
        Assert.Equal("other-host", TrainingTimeEstimate.PickRun(runs, "elsewhere")?.Id);
        Assert.Null(TrainingTimeEstimate.PickRun(runs.Skip(3), "vm"));
    }

    [Theory]
    [InlineData(20, "under a minute")]
    [InlineData(1190, "about 20 min")]
    [InlineData(4200, "about 1 h 10 min")]
    public void Format_Seconds_WordsAPersonPlansWith(double seconds, string expected) => Assert.Equal(expected, Hw4.Dashboard.Features.Models.DurationText.Of(seconds));
}
