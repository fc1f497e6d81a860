using Bunit;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Components.Pages.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Dashboard.Tests.Features.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hw4.Dashboard.Tests.Components.Pages.Runs;

/// <summary>The run page over a real index of fixture runs (as after a restart: no live events).</summary>
public sealed class RunDetailTests : RunStoreBunitTest
{
    [Fact]
    public async Task Render_DivergedStoredRun_AlertNamesEpochBatchAndLastLoss()
    {
        Runs.Diverged("nan-1");
        await IndexAsync();

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "nan-1"));

        cut.WaitForAssertion(() =>
            Assert.Contains("Diverged at epoch 2, batch 17; last finite loss 2.5.", cut.Find("[data-testid=divergence-alert]").TextContent),
            TimeSpan.FromSeconds(30));
        Assert.Equal("diverged", cut.Find("[data-testid=run-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Rename_TheRun_SavedInNotesJsonKeepingTheTags_ShownAsTheHeadingAndInTheIndex()
    {
        var dir = Runs.Finished("named-1", "cnn", [1.5, 1.2]);
        dir.WriteNotes(new Hw4.Ml.Runs.RunNotes { Tags = ["baseline"], Notes = "first try" });
        await IndexAsync();
        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "named-1"));
        // Never named: the name made from its settings, the id beside it.
        cut.WaitForAssertion(() => Assert.Equal("CNN · seed 0 · 2 ep", cut.Find("h1").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal("named-1", cut.Find("[data-testid=run-id]").TextContent.Trim());

        cut.WaitForElement("[data-testid=rename-run]", TimeSpan.FromSeconds(5)).Click();
        // The editor opens on the next render (CI once looked for its Save button before it was there).
        var save = cut.WaitForElement("[data-testid=save-run-name]", TimeSpan.FromSeconds(5));
        var title = cut.FindComponent<Hw4.Dashboard.Components.Runs.RunTitle>();
        title.Instance.Draft = "  lr 1e-3   baseline ";
        save.Click();

        cut.WaitForAssertion(() => Assert.Equal("lr 1e-3 baseline", cut.Find("h1").TextContent.Trim()));
        Assert.Equal("Name saved.", cut.Find("[data-testid=run-name-saved]").TextContent.Trim());
        var notes = dir.ReadNotes();
        Assert.Equal("lr 1e-3 baseline", notes.Name);
        Assert.Equal(["baseline"], notes.Tags);
        Assert.Equal("first try", notes.Notes);
        var row = await Context.Services.GetRequiredService<Hw4.Dashboard.Features.Runs.RunIndex>().GetAsync("named-1");
        Assert.Equal("lr 1e-3 baseline", row!.Name);

        // Refused: too long. Said under the heading, and nothing written.
        cut.Find("[data-testid=rename-run]").Click();
        title.Instance.Draft = new string('x', 81);
        cut.Find("[data-testid=save-run-name]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Not renamed: The name is 81 characters long; the limit is 80.", cut.Find("[data-testid=run-name-error]").TextContent));
        Assert.Equal("lr 1e-3 baseline", dir.ReadNotes().Name);
        Assert.Equal("lr 1e-3 baseline", cut.Find("h1").TextContent.Trim());

        // Empty: back to the name made from its settings.
        title.Instance.Draft = "";
        cut.Find("[data-testid=save-run-name]").Click();
        cut.WaitForAssertion(() => Assert.Equal("CNN · seed 0 · 2 ep", cut.Find("h1").TextContent.Trim()));
        Assert.Null(dir.ReadNotes().Name);
        Assert.Contains("back to its own name", cut.Find("[data-testid=run-name-saved]").TextContent);
    }

    [Fact]
    public void Render_DamagedRunJson_ShowsUnreadableWithTheReasonNotAnError()
    {
        var dir = Runs.Finished("bad-1", "cnn", [1.5]);
        File.WriteAllText(dir.RunJsonPath, "{\"id\": ");

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "bad-1"));

        cut.WaitForAssertion(() => Assert.StartsWith("unreadable:", cut.Find("[data-testid=run-unreadable]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Contains("run.json", cut.Find("[data-testid=run-unreadable]").TextContent);
    }

    [Fact]
    public void Render_RunTrainedOnAWorker_ShowsItsHost()
    {
        Runs.Finished("on-worker", "cnn", [1.5], host: "gpu-worker-1");

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "on-worker"));

        cut.WaitForAssertion(() => Assert.Equal("host gpu-worker-1", cut.Find("[data-testid=run-host]").TextContent.Trim()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Render_DamagedNotesJson_ShowsUnreadable()
    {
        var dir = Runs.Finished("bad-2", "cnn", [1.5]);
        File.WriteAllText(dir.NotesPath, "[");

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "bad-2"));

        cut.WaitForAssertion(() => Assert.Contains("notes.json", cut.Find("[data-testid=run-unreadable]").TextContent), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Render_FinishedRun_ConfigModelCheckpointsEvaluationAndBestEpochMarker()
    {
        Runs.Finished("ok-1", "cnn", [1.5, 1.2, 1.3], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        await IndexAsync();

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "ok-1"));

        // The layer table arrives in a render of its own, after the rest of the page.
        cut.WaitForAssertion(() => Assert.Contains("387,810", cut.Find("[data-testid=model-summary]").TextContent), TimeSpan.FromSeconds(60));
        Assert.Contains("config.learning_rate", cut.Find("[data-testid=run-config]").TextContent);
        var links = cut.FindAll("[data-testid=checkpoints] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["runs/ok-1/files/checkpoints/model_1.params", "runs/ok-1/files/checkpoints/model_2.params", "runs/ok-1/files/checkpoints/model_3.params"], links);
        Assert.Contains("Test accuracy", cut.Find("[data-testid=evaluation]").TextContent);
        var marked = cut.FindComponents<LineChart>().Where(c => c.Instance.MarkerX is not null).Select(c => c.Instance).ToList();
        Assert.Equal(["Loss per epoch", "Validation accuracy"], marked.Select(c => c.Title));
        Assert.All(marked, c => Assert.Equal(2, c.MarkerX));
        Assert.All(marked, c => Assert.Equal("best epoch 2", c.MarkerText));
    }

    [Fact]
    public async Task RunEndsWhileOpen_EvaluationWrittenThenRunEnded_PageShowsItAndTheFinalConfigWithoutReload()
    {
        var dir = Runs.Started("live-1", new Hw4.Ml.Training.TrainerOptions { Epochs = 2 });
        await IndexAsync();
        var pump = Context.Services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        await pump.StartAsync(CancellationToken.None);
        try
        {
            var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "live-1"));
            cut.WaitForAssertion(() => Assert.NotNull(cut.Instance.Run), TimeSpan.FromSeconds(30));
            Assert.Null(cut.Instance.Evaluation);

            Assert.Contains("running", cut.Find("[data-testid=run-config]").TextContent);

            // What the recipe does at the end: evaluation.json and the final run.json first, then the terminal event.
            RunFolderBuilder.WriteEvaluation(dir, [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
            dir.Transition(Hw4.Ml.Lifecycle.RunStatus.Completed, r => r with { Parameters = 387_810, Owner = null });
            Context.Services.GetRequiredService<RunEventNotifier>().Publish(new RunEnded("live-1", Hw4.Ml.Lifecycle.RunStatus.Completed, null, 12.5));

            cut.WaitForAssertion(() => Assert.Contains("Test accuracy", cut.Find("[data-testid=evaluation]").TextContent), TimeSpan.FromSeconds(30));
            Assert.Contains("completed", cut.Find("[data-testid=run-config]").TextContent);
            Assert.DoesNotContain("running", cut.Find("[data-testid=run-config]").TextContent);
            Assert.Contains("387810", cut.Find("[data-testid=run-config]").TextContent);
            Assert.Equal("completed", cut.Find("[data-testid=run-status]").TextContent.Trim());
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }
}
