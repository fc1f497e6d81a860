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
using Hw4.Ml.Runs;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Training;

namespace Hw4.Dashboard.Tests.Features.Denoising;

/// <summary>
/// Denoising runs through the real launcher, queue, worker, notifier and pump, on an 8×8 image, each with its run
/// folder in a temp artifacts folder.
/// </summary>
public sealed class DenoiseJobTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-denoise-job-").FullName;
    private ServiceProvider _services = default!;
    private List<IHostedService> _hosted = [];

    private RunEventNotifier Notifier => _services.GetRequiredService<RunEventNotifier>();

    private string ArtifactsDir => Path.Combine(_root, "runs");

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddOptions<Hw4Options>().Configure(o => o.ArtifactsDir = ArtifactsDir);
        collection.AddSingleton(new DeviceContext(torch.CPU));
        collection.AddRunStreaming();
        collection.AddRunQueue();
        collection.AddDenoising();
        collection.AddSingleton<RunStopper>();
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
        Directory.Delete(_root, recursive: true);
    }

    private static (RgbImage Noisy, RgbImage Clean) TinyImages()
    {
        var rng = new Random(7);
        var clean = new byte[8 * 8 * 3];
        Array.Fill(clean, (byte)128);
        var noisy = clean.Select(v => (byte)Math.Clamp(v + rng.Next(-40, 41), 0, 255)).ToArray();
        return (new RgbImage(8, 8, noisy), new RgbImage(8, 8, clean));
    }

    private static DenoiseRunConfig Config(DenoiseOptions options) => new() { Options = options, Source = "tiny.png" };

    // Launches a run and waits for its RunEnded; onEvent sees every event as it comes (on the pump thread).
    private async Task<(string RunId, List<RunEventEnvelope> Events)> RunAsync(
        DenoiseSession session, DenoiseOptions options, Action<string, RunEventEnvelope>? onEvent = null)
    {
        var events = new ConcurrentQueue<RunEventEnvelope>();
        var done = new TaskCompletionSource();
        var launcher = _services.GetRequiredService<DenoiseLauncher>();
        using var sub = Notifier.SubscribeAll(e =>
        {
            events.Enqueue(e);
            onEvent?.Invoke(e.RunId, e);
            if (e.Event.IsTerminal)
                done.TrySetResult();
        });
        var outcomesBefore = session.Outcomes.Count;
        var (id, error) = launcher.Launch(Config(options), session.Noisy!, session.Clean, session);
        Assert.Null(error);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // The session records its outcome from the job's thread, which can come just after the RunEnded event.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (session.Outcomes.Count == outcomesBefore && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        return (id!, events.Where(e => e.RunId == id).ToList());
    }

    [Fact]
    public async Task RunAsync_L1OnTinyImage_RaisesPsnrAndReportsInOrder()
    {
        var (noisy, clean) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);
        session.SetInput(noisy, clean, "tiny");

        var (runId, events) = await RunAsync(session, new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 30, ReportEvery: 5));

        var outcome = Assert.Single(session.Outcomes).Value;
        Assert.True(outcome.PsnrOutput > outcome.PsnrInput, $"PSNR {outcome.PsnrInput} -> {outcome.PsnrOutput}");
        Assert.StartsWith("data:image/png;base64,", outcome.DataUrl);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Collection(events.Select(e => e.Event).Where(e => e is not Hw4.Ml.Lifecycle.Events.DenoiseProgress),
            e => Assert.IsType<RunQueued>(e),
            e => Assert.IsType<RunStarted>(e),
            e => Assert.IsType<DenoiseFinished>(e),
            e => Assert.Equal(RunStatus.Completed, Assert.IsType<RunEnded>(e).Status));
        Assert.Equal(30, events.Select(e => e.Event).OfType<Hw4.Ml.Lifecycle.Events.DenoiseProgress>().Last().Step);
        Assert.NotNull(session.PreviewDataUrl);
        // The run has its home: run.json of kind denoise, every report in metrics.jsonl, the output as a PNG.
        var folder = Path.Combine(ArtifactsDir, runId);
        var summary = RunDirectoryReader.Read(folder);
        Assert.Equal(RunKinds.Denoise, summary.Record!.Kind);
        Assert.Equal(RunStatus.Completed, summary.Record.Status);
        Assert.Null(summary.Record.Config);
        Assert.Equal(0.3, summary.Record.DenoiseConfig().Options.Lr);
        Assert.Equal([5, 10, 15, 20, 25, 30], RunDirectoryReader.DenoiseSteps(folder).Select(p => p.Step));
        Assert.Equal(outcome.PsnrOutput, summary.DenoisePsnr);
        var saved = ImageFile.Load(Path.Combine(folder, RunDirectory.OutputImageFile));
        Assert.Equal(outcome.Png, ImageFile.EncodePng(saved));
    }

    [Fact]
    public async Task RunAsync_StepTooLargeForL2_ReportsDivergedAndKeepsADivergedOutcomeWithoutImage()
    {
        var (noisy, clean) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);
        session.SetInput(noisy, clean, "tiny");

        var (runId, events) = await RunAsync(session, new DenoiseOptions(DenoiseNorm.L2, DenoiseOptimizer.Gd, Lr: 50, Alpha: 5, Steps: 60, ReportEvery: 10));

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
        var folder = Path.Combine(ArtifactsDir, runId);
        Assert.Equal(RunStatus.Diverged, RunDirectory.Open(folder).ReadRun().Status);
        Assert.False(File.Exists(Path.Combine(folder, RunDirectory.OutputImageFile)));
    }

    [Fact]
    public async Task Stop_WhileRunning_EndsStoppedAndKeepsTheLastReportedImageAndCurves()
    {
        var (noisy, clean) = TinyImages();
        var session = new DenoiseSession(TimeProvider.System);
        session.SetInput(noisy, clean, "tiny");
        var stopper = _services.GetRequiredService<RunStopper>();
        string? said = null;

        // Far more steps than the test waits for: it ends only because it is stopped, from the stopper the Runs list
        // and the API use.
        var (runId, events) = await RunAsync(session, new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 10_000_000, ReportEvery: 20),
            (id, e) =>
            {
                if (said is null && e.Event is Hw4.Ml.Lifecycle.Events.DenoiseProgress)
                    said = stopper.Stop(id).Message;
            });

        Assert.StartsWith("Stopping run", said);
        var end = Assert.IsType<RunEnded>(events[^1].Event);
        Assert.Equal(RunStatus.Stopped, end.Status);
        var folder = Path.Combine(ArtifactsDir, runId);
        var summary = RunDirectoryReader.Read(folder);
        Assert.Equal(RunStatus.Stopped, summary.Record!.Status);
        var steps = RunDirectoryReader.DenoiseSteps(folder);
        Assert.NotEmpty(steps);
        Assert.Equal($"stopped at step {steps[^1].Step}/10000000; output.png is the estimate of that step", summary.Record.Message);
        Assert.True(summary.Denoised!.HasImage);
        Assert.Equal(steps[^1].Psnr, summary.Denoised.PsnrOutput);
        var kept = ImageFile.Load(Path.Combine(folder, RunDirectory.OutputImageFile));
        Assert.Equal((8, 8), (kept.Width, kept.Height));
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
