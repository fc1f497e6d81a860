using System.Collections.Concurrent;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TorchSharp;
using Hw4.Ml.Lifecycle;

namespace Hw4.Dashboard.Tests.Features.Denoising;

/// <summary>Denoising jobs through the real queue, worker, notifier and pump, on an 8×8 image.</summary>
public sealed class DenoiseJobTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private List<IHostedService> _hosted = [];

    private RunEventNotifier Notifier => _services.GetRequiredService<RunEventNotifier>();

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddRunStreaming();
        collection.AddRunQueue();
        _services = collection.BuildServiceProvider();
        _hosted = _services.GetServices<IHostedService>().ToList();
        foreach (var h in _hosted)
            await h.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var h in _hosted)
            await h.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private static (RgbImage Noisy, RgbImage Clean) TinyImages()
    {
        var rng = new Random(7);
        var clean = new byte[8 * 8 * 3];
        Array.Fill(clean, (byte)128);
        var noisy = clean.Select(v => (byte)Math.Clamp(v + rng.Next(-40, 41), 0, 255)).ToArray();
        return (new RgbImage(8, 8, noisy), new RgbImage(8, 8, clean));
    }

    private async Task<List<RunEventEnvelope>> RunAsync(DenoiseSession session, DenoiseOptions options, string runId)
    {
        var events = new ConcurrentQueue<RunEventEnvelope>();
        var done = new TaskCompletionSource();
        using var sub = Notifier.Subscribe(runId, 0, e =>
        {
            events.Enqueue(e);
            if (e.Event.IsTerminal)
                done.TrySetResult();
        });
        var job = session.CreateJob(runId, options, new DenoiseJobContext(torch.CPU, "cpu", Notifier));
        Assert.True(_services.GetRequiredService<RunQueue>().TryEnqueue(job));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return events.ToList();
    }

    [Fact]
    public async Task RunAsync_L1OnTinyImage_RaisesPsnrAndReportsInOrder()
    {
        var (noisy, clean) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);
        session.SetInput(noisy, clean, "tiny");

        var events = await RunAsync(session, new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 30, ReportEvery: 5), "d-l1");

        var outcome = Assert.Single(session.Outcomes).Value;
        Assert.True(outcome.PsnrOutput > outcome.PsnrInput, $"PSNR {outcome.PsnrInput} -> {outcome.PsnrOutput}");
        Assert.StartsWith("data:image/png;base64,", outcome.DataUrl);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Collection(events.Select(e => e.Event).Where(e => e is not Hw4.Ml.Lifecycle.Events.DenoiseProgress),
            e => Assert.IsType<RunQueued>(e),
            e => Assert.IsType<RunStarted>(e),
            e => Assert.Equal(RunStatus.Completed, Assert.IsType<RunEnded>(e).Status));
        Assert.Equal(30, events.Select(e => e.Event).OfType<Hw4.Ml.Lifecycle.Events.DenoiseProgress>().Last().Step);
        Assert.NotNull(session.PreviewDataUrl);
    }

    [Fact]
    public async Task RunAsync_StepTooLargeForL2_ReportsDivergedAndKeepsADivergedOutcomeWithoutImage()
    {
        var (noisy, clean) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);
        session.SetInput(noisy, clean, "tiny");

        var events = await RunAsync(session, new DenoiseOptions(DenoiseNorm.L2, DenoiseOptimizer.Gd, Lr: 50, Alpha: 5, Steps: 60, ReportEvery: 10), "d-l2");

        var end = Assert.IsType<RunEnded>(events[^1].Event);
        Assert.Equal(RunStatus.Diverged, end.Status);
        Assert.Contains("lower the learning rate", end.Message);
        var diverged = Assert.Single(events.Select(e => e.Event).OfType<Diverged>());
        var outcome = Assert.Single(session.Outcomes).Value;
        Assert.True(outcome.Diverged);
        Assert.Null(outcome.Png);
        Assert.Null(outcome.DataUrl);
        Assert.Equal(outcome.DivergedAtStep, diverged.Batch);
        Assert.Equal(outcome.FinalLoss, diverged.LastFiniteLoss);
        Assert.True(double.IsFinite(outcome.FinalLoss));
    }

    [Fact]
    public void SetInput_CleanOfAnotherSize_ThrowsNamingBothSizes()
    {
        var (noisy, _) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);

        var e = Assert.Throws<ArgumentException>(() => session.SetInput(noisy, new RgbImage(4, 4, new byte[48]), "x"));

        Assert.Contains("4×4", e.Message);
        Assert.Contains("8×8", e.Message);
    }
}
