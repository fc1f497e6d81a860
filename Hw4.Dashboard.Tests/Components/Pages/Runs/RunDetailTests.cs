using Bunit;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Components.Pages.Runs;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;
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
    public async Task Render_FinishedRun_ConfigModelCheckpointsEvaluationAndBestEpochMarker()
    {
        Runs.Finished("ok-1", "cnn", [1.5, 1.2, 1.3], [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
        await IndexAsync();

        var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "ok-1"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Instance.Summary), TimeSpan.FromSeconds(60));
        Assert.Contains("config.learning_rate", cut.Find("[data-testid=run-config]").TextContent);
        Assert.Contains("387,810", cut.Find("[data-testid=model-summary]").TextContent);
        var links = cut.FindAll("[data-testid=checkpoints] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["runs/ok-1/files/checkpoints/model_1.params", "runs/ok-1/files/checkpoints/model_2.params", "runs/ok-1/files/checkpoints/model_3.params"], links);
        Assert.Contains("Test accuracy", cut.Find("[data-testid=evaluation]").TextContent);
        var epochChart = cut.FindComponents<LineChart>().Single(c => c.Instance.MarkerX is not null).Instance;
        Assert.Equal(2, epochChart.MarkerX);
        Assert.Equal("best epoch 2", epochChart.MarkerText);
    }

    [Fact]
    public async Task RunEndsWhileOpen_EvaluationWrittenThenRunFinished_PageShowsItWithoutReload()
    {
        var dir = Runs.Finished("live-1", "cnn", [1.5, 1.2]);
        await IndexAsync();
        var pump = Context.Services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        await pump.StartAsync(CancellationToken.None);
        try
        {
            var cut = Context.Render<RunDetail>(p => p.Add(d => d.Id, "live-1"));
            cut.WaitForAssertion(() => Assert.NotNull(cut.Instance.Record), TimeSpan.FromSeconds(30));
            Assert.Null(cut.Instance.Evaluation);

            // What the training session does at the end: evaluation.json first, then the terminal event.
            RunFolderBuilder.WriteEvaluation(dir, [[5, 1, 0], [2, 2, 0], [0, 0, 4]]);
            Context.Services.GetRequiredService<RunEventNotifier>().Publish(new RunFinished("live-1", 12.5, Stopped: false));

            cut.WaitForAssertion(() => Assert.Contains("Test accuracy", cut.Find("[data-testid=evaluation]").TextContent), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }
}
