using Bunit;
using Hw4.Dashboard.Components.Pages.Runs;
using Hw4.Dashboard.Tests.Features.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Hw4.Dashboard.Tests.Components.Pages.Runs;

/// <summary>The runs list against a real SQLite index and real run folders in a temp dir.</summary>
public sealed class RunsPageTests : MudBunitTest, IDisposable
{
    private const string DivergedMessage = "diverged at epoch 2, batch 37 (last finite loss 2.30259)";
    private readonly RunStoreFiles _files = new();

    public RunsPageTests() => _files.AddTo(Context.Services);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Render_DivergedRuns_MarkedWithEpochAndBatchTooltip()
    {
        _files.WriteRun("20261127-070000-cnn-aaaa", status: "diverged", message: DivergedMessage, createdUtc: "2026-11-27T07:00:00+00:00");
        // Killed before run.json was rewritten: the text comes from the trainer's "diverged" line.
        var killed = _files.WriteRun("20261127-080000-cnn-bbbb", status: "diverged", createdUtc: "2026-11-27T08:00:00+00:00");
        Hw4.Ml.Runs.RunDirectory.Open(killed).AppendMetric(new Hw4.Ml.Lifecycle.Events.Diverged("20261127-080000-cnn-bbbb", 1, 5, 2.25));
        _files.WriteRun("20261127-090000-residual-cccc", model: "residual", createdUtc: "2026-11-27T09:00:00+00:00");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        var marks = cut.FindAll("[data-testid=diverged-mark]");
        Assert.Equal(2, marks.Count);
        Assert.Equal("diverged at epoch 1, batch 5 (last finite loss 2.25)", marks[0].GetAttribute("aria-label"));
        Assert.Equal(DivergedMessage, marks[1].GetAttribute("aria-label"));
        Assert.Equal(["diverged at epoch 1, batch 5 (last finite loss 2.25)", DivergedMessage],
            cut.FindComponents<MudTooltip>().Select(t => t.Instance.Text).Where(t => t?.StartsWith("diverged", StringComparison.Ordinal) == true));
        Assert.Contains("completed", cut.Find("tbody tr:first-child").TextContent);
    }

    [Fact]
    public async Task Render_TwoSeedsOfOneRecipe_ShowTheirTestAccuracyAsMeanAndStdLinkedToCompare()
    {
        var runs = new RunFolderBuilder(_files.ArtifactsDir);
        var recipe = Hw4.Ml.Recipes.HomeworkRecipe.Training(Hw4.Ml.Models.ModelKind.Cnn);
        runs.Completed("cnn-s0", recipe, [[4, 0, 0], [0, 4, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        runs.Completed("cnn-s1", recipe with { Seed = 1 }, [[2, 2, 0], [0, 4, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        // Another recipe (2 epochs): a group of one, so no spread to show.
        runs.Completed("cnn-short", recipe with { Epochs = 2 }, [[4, 0, 0], [0, 4, 0], [0, 0, 4]], new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        var cells = cut.FindAll("[data-testid=cell-seed-group]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["–", "91.67 ± 11.79 % (2 seeds)", "91.67 ± 11.79 % (2 seeds)"], cells);
        Assert.EndsWith("compare?runs=cnn-s0,cnn-s1", cut.Find("[data-testid=cell-seed-group] a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AfterConfirmation_RemovesFolderAndRow()
    {
        var doomed = _files.WriteRun("20261127-070000-cnn-aaaa");
        var kept = _files.WriteRun("20261127-080000-cnn-bbbb");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        cut.Find("[data-testid=delete-20261127-070000-cnn-aaaa]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Delete run 20261127-070000-cnn-aaaa?", dialogs.Markup));
        Assert.True(Directory.Exists(doomed));
        dialogs.Find("[data-testid=confirm-delete-button]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Deleted run '20261127-070000-cnn-aaaa'.", cut.Find("[data-testid=runs-message]").TextContent));
        Assert.False(Directory.Exists(doomed));
        Assert.True(Directory.Exists(kept));
        Assert.Equal(0, await RunStoreFiles.RowCountAsync(Context.Services, "20261127-070000-cnn-aaaa"));
        Assert.Equal(["20261127-080000-cnn-bbbb"], cut.Instance.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheRun()
    {
        var dir = _files.WriteRun("20261127-070000-cnn-aaaa");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();
        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        cut.Find("[data-testid=delete-20261127-070000-cnn-aaaa]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=cancel-delete]").Click());

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete run", dialogs.Markup));
        Assert.True(Directory.Exists(dir));
        Assert.Equal(1, await RunStoreFiles.RowCountAsync(Context.Services, "20261127-070000-cnn-aaaa"));
        Assert.Single(cut.Instance.Items);
    }

    [Fact]
    public async Task Render_RunsOfSeveralHosts_ShowsEachRunsHostAndFiltersAndSortsByIt()
    {
        _files.WriteRun("20261127-070000-cnn-aaaa", host: "gpu-worker-1", createdUtc: "2026-11-27T07:00:00+00:00");
        _files.WriteRun("20261127-080000-cnn-bbbb", host: "web-a", createdUtc: "2026-11-27T08:00:00+00:00");
        _files.WriteRun("20261127-090000-cnn-cccc", status: "queued", createdUtc: "2026-11-27T09:00:00+00:00");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        var newestFirst = cut.FindAll("[data-testid=cell-host]").Select(td => td.TextContent.Trim()).ToList();
        cut.Find("[data-testid=sort-Host]").Click();
        var byHost = cut.FindAll("[data-testid=cell-host]").Select(td => td.TextContent.Trim()).ToList();
        var hostFilter = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Host");
        await cut.InvokeAsync(() => hostFilter.Instance.ValueChanged.InvokeAsync("gpu-worker-1"));

        Assert.Equal(["–", "web-a", "gpu-worker-1"], newestFirst);
        Assert.Equal(["gpu-worker-1", "web-a", "–"], byHost);
        Assert.Equal(["gpu-worker-1", "web-a"], cut.Instance.Hosts);
        Assert.Equal(["20261127-070000-cnn-aaaa"], cut.Instance.Items.Select(r => r.Id));
        Assert.Equal(["gpu-worker-1"], cut.FindAll("[data-testid=cell-host]").Select(td => td.TextContent.Trim()));
        var address = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;
        Assert.Contains("host=gpu-worker-1", address);
        Assert.Contains("sort=host", address);
    }

    [Fact]
    public async Task SortAndFilter_HeaderClickAndTagFilter_ReorderAndNarrowRows()
    {
        _files.WriteRun("20261127-070000-cnn-aaaa", tags: ["baseline"], createdUtc: "2026-11-27T07:00:00+00:00");
        _files.WriteRun("20261127-080000-residual-bbbb", model: "residual", createdUtc: "2026-11-27T08:00:00+00:00");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        cut.Find("[data-testid=sort-Created]").Click();
        var oldestFirst = cut.FindAll("tbody tr .run-id").Select(td => td.TextContent.Trim()).ToList();
        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("BASELINE"));

        Assert.Equal(["20261127-070000-cnn-aaaa", "20261127-080000-residual-bbbb"], oldestFirst);
        Assert.Equal(["20261127-070000-cnn-aaaa"], cut.FindAll("tbody tr .run-id").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_RunsWithAndWithoutAName_EachReadsByItsNameWithItsIdUnderIt()
    {
        _files.WriteRun("20261127-070000-cnn-aaaa", createdUtc: "2026-11-27T07:00:00+00:00");
        var named = _files.WriteRun("20261127-080000-residual-bbbb", model: "residual", createdUtc: "2026-11-27T08:00:00+00:00");
        Hw4.Ml.Runs.RunDirectory.Open(named).WriteNotes(new Hw4.Ml.Runs.RunNotes { Name = "wide residual, lr sweep" });
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();

        // The name is the link (the id stays in its address and under it); a run never named reads by its settings.
        Assert.Equal(["wide residual, lr sweep", "CNN · seed 0 · 2 ep"], cut.FindAll("[data-testid=run-link]").Select(a => a.TextContent.Trim()));
        Assert.Equal("runs/20261127-080000-residual-bbbb", cut.FindAll("[data-testid=run-link]")[0].GetAttribute("href"));
        Assert.Equal(["20261127-080000-residual-bbbb", "20261127-070000-cnn-aaaa"], cut.FindAll("tbody tr .run-id").Select(e => e.TextContent.Trim()));
        // The filter box finds a run by its name.
        await cut.InvokeAsync(() => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("sweep"));
        Assert.Equal(["20261127-080000-residual-bbbb"], cut.Instance.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Select_TwoTrainingRuns_CompareLinksThemAndADenoisingRunOffersNoTick()
    {
        _files.WriteRun("20261127-070000-cnn-aaaa", createdUtc: "2026-11-27T07:00:00+00:00");
        _files.WriteRun("20261127-080000-residual-bbbb", model: "residual", createdUtc: "2026-11-27T08:00:00+00:00");
        _files.WriteRun("20261127-090000-cnn-cccc", createdUtc: "2026-11-27T09:00:00+00:00");
        await RunStoreFiles.ReindexAsync(Context.Services);
        Context.Render<MudPopoverProvider>();
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Runs.Runs>();
        var compare = cut.Find("[data-testid=compare-selected]");
        Assert.True(compare.HasAttribute("disabled") || compare.ClassList.Contains("mud-button-disabled"));
        Assert.Contains("Tick two or more training runs", cut.Find("[data-testid=compare-selection]").TextContent);

        await cut.InvokeAsync(() => cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.UserAttributes["data-testid"]!.Equals("select-20261127-070000-cnn-aaaa")).Instance.ValueChanged.InvokeAsync(true));
        await cut.InvokeAsync(() => cut.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.UserAttributes["data-testid"]!.Equals("select-20261127-090000-cnn-cccc")).Instance.ValueChanged.InvokeAsync(true));

        // In the list's order (newest first), the first one the baseline of the comparison.
        Assert.Equal(["20261127-070000-cnn-aaaa", "20261127-090000-cnn-cccc"], cut.Instance.Selected.Order(StringComparer.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("compare?runs=20261127-090000-cnn-cccc,20261127-070000-cnn-aaaa", cut.Find("[data-testid=compare-selected]").GetAttribute("href")));
        Assert.Contains("Compare selected (2)", cut.Find("[data-testid=compare-selected]").TextContent);
    }
}
