using Bunit;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Denoising;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Models;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ReportPage = Hw4.Dashboard.Components.Pages.Report.Report;

namespace Hw4.Dashboard.Tests.Components.Pages.Report;

public sealed class ReportPageTests : RunStoreBunitTest
{
    public ReportPageTests() => Context.Services.AddHomeworkReport();

    [Fact]
    public async Task CnnRunMissing_SaysNotRunYet_AndTheButtonQueuesOneCnnRunOfTheHomeworkRecipe()
    {
        RecipeRun("residual-run", ModelKind.Residual, seed: 0);
        AllDenoiseParts();
        await IndexAsync();
        var before = Directory.GetDirectories(ArtifactsDir).Select(Path.GetFileName).ToHashSet();
        var cut = Context.Render<ReportPage>();

        cut.WaitForAssertion(() => Assert.Contains("not run yet", cut.Find("[data-testid=report-part-cnn]").TextContent, StringComparison.Ordinal));
        Assert.Contains("yes", cut.Find("[data-testid=report-part-residual]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Queue the missing runs (1)", cut.Find("[data-testid=report-queue-missing]").TextContent.Trim());

        cut.Find("[data-testid=report-queue-missing]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Queued", cut.Find("[data-testid=report-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var queued = Assert.Single(Directory.GetDirectories(ArtifactsDir), d => !before.Contains(Path.GetFileName(d)));
        var record = RunDirectory.Open(queued).ReadRun();
        Assert.Equal(RunKinds.Train, record.Kind);
        Assert.Empty(HomeworkRecipe.Differences(record.TrainingConfig()));
        Assert.Equal((ModelKind.Cnn, 0L), (record.TrainingConfig().Model, record.TrainingConfig().Seed));
        Assert.Contains($"queued as {record.Id}", cut.Find("[data-testid=report-part-cnn]").TextContent, StringComparison.Ordinal);
        // Queued once: the button is gone, so a second click cannot queue the CNN again.
        Assert.Empty(cut.FindAll("[data-testid=report-queue-missing]"));
    }

    [Fact]
    public async Task OffRecipeRun_IsMarkedWithWhatDiffers_AndTheMissingRunsButtonCountsItsPart()
    {
        RecipeRun("cnn-run", ModelKind.Cnn, seed: 0);
        Runs.Finished("smoke-residual", "residual", [1.0, 0.9], [[2, 0, 0], [0, 2, 0], [0, 0, 2]]);
        AllDenoiseParts();
        await IndexAsync();

        var cut = Context.Render<ReportPage>();

        cut.WaitForAssertion(() => Assert.Contains("smoke-residual", cut.Find("[data-testid=report-part-residual]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Not the homework's settings: epochs 2, not 15; lr 0.001, not 0.0001.",
            cut.Find("[data-testid=report-part-residual-off-recipe]").TextContent.Trim());
        Assert.Equal("Queue the missing runs (1)", cut.Find("[data-testid=report-queue-missing]").TextContent.Trim());
    }

    [Fact]
    public async Task AddressNamesARun_ThePartUsesIt_AndTheReportLinksCarryTheChoice()
    {
        RecipeRun("residual-old", ModelKind.Residual, seed: 0, minutes: 0);
        RecipeRun("residual-new", ModelKind.Residual, seed: 1, minutes: 30);
        await IndexAsync();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("report?residual=residual-old");

        var cut = Context.Render<ReportPage>();

        cut.WaitForAssertion(() => Assert.Contains("residual-old", cut.Find("[data-testid=report-part-residual] a").TextContent, StringComparison.Ordinal));
        Assert.EndsWith("api/report?format=pdf&residual=residual-old", cut.Find("[data-testid=report-pdf]").GetAttribute("href"), StringComparison.Ordinal);
        // Its seed group: both recipe runs.
        Assert.Contains("2 runs of this run's recipe (seeds 0, 1)", cut.Find("[data-testid=report-seed-group]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressNamesAnUnknownRun_SaysSoAndShowsTheDefaultPick()
    {
        RecipeRun("cnn-run", ModelKind.Cnn, seed: 0);
        await IndexAsync();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("report?cnn=gone");

        var cut = Context.Render<ReportPage>();

        cut.WaitForAssertion(() => Assert.Contains("2 CNN: run gone: no such run.", cut.Find("[data-testid=report-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("cnn-run", cut.Find("[data-testid=report-part-cnn] a").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueSeeds_QueuesTheRecipeOfBothModelsForEachSeedThatHasNoRun()
    {
        RecipeRun("cnn-seed-0", ModelKind.Cnn, seed: 0);
        await IndexAsync();
        var before = Directory.GetDirectories(ArtifactsDir).Select(Path.GetFileName).ToHashSet();
        var cut = Context.Render<ReportPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=report-part-cnn]")));

        cut.Find("input[data-testid=report-seed-count], [data-testid=report-seed-count] input").Change("2");
        cut.Find("[data-testid=report-queue-seeds]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Queued 3 runs", cut.Find("[data-testid=report-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("1 of the 4 already had a run of the recipe.", cut.Find("[data-testid=report-message]").TextContent, StringComparison.Ordinal);
        var queued = Directory.GetDirectories(ArtifactsDir).Where(d => !before.Contains(Path.GetFileName(d)))
            .Select(d => RunDirectory.Open(d).ReadRun().TrainingConfig()).Select(c => (c.Model, c.Seed)).Order().ToList();
        Assert.Equal([(ModelKind.Cnn, 1L), (ModelKind.Residual, 0L), (ModelKind.Residual, 1L)], queued);
    }

    // A completed run of the homework's recipe with an evaluation, created `minutes` after a fixed time.
    private void RecipeRun(string id, ModelKind model, long seed, int minutes = 0) =>
        Runs.Completed(id, HomeworkRecipe.Training(model, seed), [[2, 0, 0], [0, 2, 1], [0, 0, 2]], new DateTimeOffset(2026, 12, 1, 8, minutes, 0, TimeSpan.Zero));

    private void AllDenoiseParts()
    {
        foreach (var part in ReportParts.Denoising)
            RunDirectory.Create(ArtifactsDir, new RunRecord
            {
                Id = $"denoise-{ReportParts.Key(part)}",
                Kind = RunKinds.Denoise,
                Status = RunStatus.Completed,
                Denoise = new DenoiseRunConfig { Options = ReportParts.Settings(part), Preset = ReportParts.Preset(part), Source = "parrots-noisy.png", Width = 4, Height = 4 },
                CreatedUtc = DateTimeOffset.UtcNow,
                QueuedUtc = DateTimeOffset.UtcNow,
                FinishedUtc = DateTimeOffset.UtcNow,
            });
    }
}
