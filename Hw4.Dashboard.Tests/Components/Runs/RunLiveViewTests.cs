using Bunit;
using Hw4.Dashboard.Components.Runs;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hw4.Dashboard.Tests.Components.Runs;

/// <summary>The live view with the real notifier and pump: it re-renders on events and stops listening when disposed.</summary>
public sealed class RunLiveViewTests : MudBunitTest
{
    private readonly IHostedService _pump;

    public RunLiveViewTests()
    {
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Context.Services.AddLogging();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddRunStreaming();
        Context.Services.AddRunQueue();
        _pump = Context.Services.GetServices<IHostedService>().OfType<RunEventPump>().Single();
        _pump.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private RunEventNotifier Notifier => Context.Services.GetRequiredService<RunEventNotifier>();

    [Fact]
    public void Render_EventsPublished_StatusAndEpochTableUpdate()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "view-run"));

        Notifier.Publish(new RunStarted("view-run", "train", "cpu", 2, 10));
        Notifier.Publish(new EpochCompleted("view-run", 1, 1.2345, 1.3456, 0.4, 5, 700));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("running", cut.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Contains("1.3456", cut.Markup);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Render_RunDivergedEvent_AlertNamesEpochBatchAndLastLoss()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "nan-run"));

        Notifier.Publish(new RunStarted("nan-run", "train", "cpu", 3, 10));
        Notifier.Publish(new RunDiverged("nan-run", 2, 7, "diverged at epoch 2, batch 7 (last finite loss 1.875)", 1.875));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("diverged", cut.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Contains("Diverged at epoch 2, batch 7; last finite loss 1.875.", cut.Find("[data-testid=divergence-alert]").TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dispose_View_StopsReceivingEvents()
    {
        var cut = Context.Render<RunLiveView>(p => p.Add(v => v.RunId, "gone-run"));
        var state = cut.Instance.State;

        cut.Instance.Dispose();
        Notifier.Publish(new RunStarted("gone-run", "train", "cpu", 1, 1));
        var probe = new TaskCompletionSource();
        using var sub = Notifier.Subscribe("gone-run", 0, _ => probe.TrySetResult());
        Notifier.Publish(new RunFinished("gone-run", 1, false));
        await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, state.LastSeq);
        Assert.Equal("unknown", state.Status);
    }
}
