using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;
using TorchSharp;

namespace Hw4.Ml.Tests.Recipes;

public sealed class DenoiseRecipeTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-denoise-recipe-" + Guid.NewGuid().ToString("N"));

    private static (RgbImage Noisy, RgbImage Clean) TinyImages()
    {
        var rng = new Random(4);
        var clean = new byte[8 * 6 * 3];
        Array.Fill(clean, (byte)100);
        var noisy = clean.Select(v => (byte)Math.Clamp(v + rng.Next(-30, 31), 0, 255)).ToArray();
        return (new RgbImage(8, 6, noisy), new RgbImage(8, 6, clean));
    }

    private RunDirectory Queue(DenoiseOptions options, bool withClean = true)
    {
        var (noisy, clean) = TinyImages();
        return DenoiseRecipe.Queue(_runs, new DenoiseRunConfig { Options = options, Source = "tiny.png", Preset = "seed" }, noisy,
            withClean ? clean : null, TimeProvider.System);
    }

    [Fact]
    public void Queue_Request_RunJsonOfKindDenoiseWithItsOwnConfigAndTheInputImagesInTheFolder()
    {
        var dir = Queue(new DenoiseOptions(DenoiseNorm.L2, DenoiseOptimizer.PrimalDual, Lr: 0.2, Alpha: 1.5, Steps: 20));

        var record = dir.ReadRun();
        Assert.Equal(RunKinds.Denoise, record.Kind);
        Assert.Equal(RunStatus.Queued, record.Status);
        Assert.Null(record.Config);
        var config = record.DenoiseConfig();
        Assert.Equal((DenoiseNorm.L2, DenoiseOptimizer.PrimalDual, 0.2, 1.5, 20), (config.Options.Norm, config.Options.Optimizer, config.Options.Lr, config.Options.Alpha, config.Options.Steps));
        Assert.Equal((8, 6, true, "seed"), (config.Width, config.Height, config.HasClean, config.Preset));
        Assert.Contains("\"optimizer\": \"primal_dual\"", dir.ReadRunText());
        var (noisy, clean) = dir.ReadInputImages();
        Assert.Equal(TinyImages().Noisy.Pixels, noisy.Pixels);
        Assert.Equal(TinyImages().Clean.Pixels, clean!.Pixels);
        var e = Assert.Throws<InvalidDataException>(record.TrainingConfig);
        Assert.Contains(dir.Id, e.Message);
        Assert.Throws<InvalidDataException>(() => ClassificationRecipe.Requeue(dir));
    }

    [Fact]
    public void ReadRun_RunJsonFromBeforeDenoiseRuns_ReadsAsATrainingRun()
    {
        // run.json as written before denoising runs had folders: no "denoise" key, "config" required.
        Directory.CreateDirectory(Path.Combine(_runs, "old-1"));
        File.WriteAllText(Path.Combine(_runs, "old-1", RunDirectory.RunFile),
            """{"id": "old-1", "kind": "train", "status": "completed", "config": {"epochs": 3, "learning_rate": 0.001}}""");

        var record = RunDirectory.Open(Path.Combine(_runs, "old-1")).ReadRun();

        Assert.Null(record.Denoise);
        Assert.Equal(3, record.TrainingConfig().Epochs);
        Assert.Throws<InvalidDataException>(record.DenoiseConfig);
    }

    [Fact]
    public void Run_Completed_StatusCurvesFiguresAndOutputPngInTheFolder()
    {
        var dir = Queue(new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 12, ReportEvery: 4));
        var seen = new List<RunEvent>();

        var outcome = DenoiseRecipe.Run(dir, torch.CPU, seen.Add);

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(RunStatus.Completed, dir.ReadRun().Status);
        Assert.Null(dir.ReadRun().Owner);
        // metrics.jsonl holds what the sink saw, in the same order.
        Assert.Equal(seen.Select(e => e.GetType()), dir.ReadMetrics().Select(e => e.GetType()));
        Assert.Equal([4, 8, 12], RunDirectoryReader.DenoiseSteps(dir.Path).Select(p => p.Step));
        var finished = Assert.IsType<DenoiseFinished>(seen[^2]);
        Assert.IsType<RunEnded>(seen[^1]);
        Assert.True(finished.HasImage);
        Assert.Equal(outcome.Result!.PsnrOutput, finished.PsnrOutput);
        Assert.True(finished.PsnrOutput > finished.PsnrInput);
        Assert.Equal(outcome.Result.Output!.Pixels, ImageFile.Load(dir.OutputImagePath).Pixels);
        Assert.Equal(finished, RunDirectoryReader.Read(dir.Path).Denoised);
    }

    [Fact]
    public void Run_L2StepTooLarge_EndsDivergedWithoutImage()
    {
        var dir = Queue(new DenoiseOptions(DenoiseNorm.L2, DenoiseOptimizer.Gd, Lr: 50, Alpha: 5, Steps: 60, ReportEvery: 10));

        var outcome = DenoiseRecipe.Run(dir, torch.CPU);

        Assert.Equal(RunStatus.Diverged, outcome.Status);
        Assert.Equal(RunStatus.Diverged, dir.ReadRun().Status);
        Assert.Contains("lower the learning rate", dir.ReadRun().Message);
        Assert.False(File.Exists(dir.OutputImagePath));
        var summary = RunDirectoryReader.Read(dir.Path);
        Assert.NotNull(summary.Divergence);
        Assert.False(summary.Denoised!.HasImage);
    }

    [Fact]
    public void Run_CancelledBeforeTheFirstReport_EndsStoppedSayingNoEstimateWasKept()
    {
        var dir = Queue(new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 50, ReportEvery: 10));

        var outcome = DenoiseRecipe.Run(dir, torch.CPU, cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(RunStatus.Stopped, outcome.Status);
        Assert.Equal("stopped before its first report: no estimate to keep", dir.ReadRun().Message);
        Assert.False(File.Exists(dir.OutputImagePath));
    }

    [Fact]
    public void Run_MissingInputImage_EndsFailedNamingTheFile()
    {
        var dir = Queue(new DenoiseOptions(DenoiseNorm.L1, DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 0.8, Steps: 5));
        File.Delete(dir.InputImagePath);

        var outcome = DenoiseRecipe.Run(dir, torch.CPU);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("input.png", dir.ReadRun().Message);
    }

    [Fact]
    public void Create_FillThrows_LeavesNoRunFolder()
    {
        var record = new RunRecord { Id = "r-1", Config = new TrainerOptions() };

        Assert.Throws<IOException>(() => RunDirectory.Create(_runs, record, _ => throw new IOException("disk full")));

        Assert.Empty(RunDirectory.Enumerate(_runs));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_runs));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs))
            Directory.Delete(_runs, recursive: true);
    }
}
