using Bunit;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Denoising;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hw4.Dashboard.Tests.Components.Pages.Report;

public sealed class ReportPageTests : RunStoreBunitTest
{
    public ReportPageTests() => Context.Services.AddHomeworkReport();

    [Fact]
    public async Task CnnRunMissing_SaysNotRunYet_AndTheButtonQueuesOneCnnRunOfTheHomeworkRecipe()
    {
        Runs.Finished("residual-run", "residual", [1.0, 0.9], [[2, 0, 0], [0, 2, 0], [0, 0, 2]]);
        CompletedDenoise("denoise-l1", DenoiseNorm.L1);
        CompletedDenoise("denoise-l2", DenoiseNorm.L2);
        await IndexAsync();
        var before = Directory.GetDirectories(ArtifactsDir).Select(Path.GetFileName).ToHashSet();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Report.Report>();

        cut.WaitForAssertion(() => Assert.Contains("not run yet", cut.Find("[data-testid=report-part-cnn]").TextContent, StringComparison.Ordinal));
        Assert.Contains("residual-run", cut.Find("[data-testid=report-part-residual]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Queue the missing runs (1)", cut.Find("[data-testid=report-queue-missing]").TextContent.Trim());

        cut.Find("[data-testid=report-queue-missing]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Queued", cut.Find("[data-testid=report-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var queued = Assert.Single(Directory.GetDirectories(ArtifactsDir), d => !before.Contains(Path.GetFileName(d)));
        var record = RunDirectory.Open(queued).ReadRun();
        Assert.Equal(RunKinds.Train, record.Kind);
        Assert.Equal((ModelKind.Cnn, 15, 0L), (record.TrainingConfig().Model, record.TrainingConfig().Epochs, record.TrainingConfig().Seed));
        Assert.Contains($"queued as {record.Id}", cut.Find("[data-testid=report-part-cnn]").TextContent, StringComparison.Ordinal);
        // Queued once: the button is gone, so a second click cannot queue the CNN again.
        Assert.Empty(cut.FindAll("[data-testid=report-queue-missing]"));
    }

    private void CompletedDenoise(string id, DenoiseNorm norm) =>
        RunDirectory.Create(ArtifactsDir, new RunRecord
        {
            Id = id,
            Kind = RunKinds.Denoise,
            Status = RunStatus.Completed,
            Denoise = new DenoiseRunConfig { Options = DenoisePresets.Best(norm), Preset = "best", Source = "parrots-noisy.png", Width = 4, Height = 4 },
            CreatedUtc = DateTimeOffset.UtcNow,
            QueuedUtc = DateTimeOffset.UtcNow,
            FinishedUtc = DateTimeOffset.UtcNow,
        });
}
