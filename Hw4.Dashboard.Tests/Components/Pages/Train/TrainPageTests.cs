using Bunit;
using Hw4.Dashboard.Components.Pages.Train;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Denoising;
using Hw4.Dashboard.Features.Device;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Components.Pages.Train;

public sealed class TrainPageTests : MudBunitTest
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-train-page-").FullName;

    public TrainPageTests()
    {
        Context.Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Context.Services.AddLogging();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(Options.Create(new StreamingOptions()));
        Context.Services.AddSingleton(Options.Create(new QueueOptions()));
        Context.Services.AddSingleton<RunEventNotifier>();
        Context.Services.AddRunQueue();
        Context.Services.AddSingleton(new DeviceContext(TorchSharp.torch.CPU));
        Context.Services.AddSingleton(new DataLocator(null, [_dir]));
        Context.Services.AddSingleton(Options.Create(new Hw4Options { ArtifactsDir = Path.Combine(_dir, "runs"), Device = "cpu" }));
        Context.Services.AddTraining();
        Context.Services.AddSingleton<Hw4.Dashboard.Features.Runs.Live.RunMetricsCache>();
        Context.Services.AddDenoising();
    }

    [Fact]
    public void QueueList_DenoiseRunSelected_ShowsTheDenoiseViewAndNoTrainingCharts()
    {
        var options = new Hw4.Ml.Denoising.DenoiseOptions(Hw4.Ml.Denoising.DenoiseNorm.L1, Hw4.Ml.Denoising.DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 1, Steps: 5);
        var (id, error) = Context.Services.GetRequiredService<Hw4.Dashboard.Features.Denoising.DenoiseLauncher>()
            .Launch(new Hw4.Ml.Runs.DenoiseRunConfig { Options = options, Source = "tiny.png" }, new Hw4.Ml.Imaging.RgbImage(4, 4, new byte[48]), null);
        Assert.Null(error);
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();

        cut.Find("[data-testid=queue-list] .mud-list-item").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=denoise-run]")), TimeSpan.FromSeconds(10));
        Assert.Equal((id, "denoise"), (cut.Instance.SelectedRunId, cut.Instance.SelectedKind));
        Assert.Empty(cut.FindComponents<Hw4.Dashboard.Components.Runs.RunLiveView>());
        Assert.DoesNotContain("Loss per batch", cut.Markup);
    }

    [Fact]
    public async Task Submit_NegativeLearningRateAndZeroEpochs_ShowsBothMessagesAndQueuesNothing()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, "lr", "-0.001");
        Type(cut, "epochs", "0");

        await cut.Find("form").SubmitAsync();

        Assert.Contains("Learning rate must be positive", cut.Markup);
        Assert.Contains("Epochs must be between 1 and 1000.", cut.Markup);
        Assert.Equal(0, Context.Services.GetRequiredService<RunQueue>().Length);
        Assert.Null(cut.Instance.SelectedRunId);
    }

    [Fact]
    public async Task Submit_ValidForm_QueuesARunAndFollowsIt()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, "epochs", "2");
        Type(cut, "limit", "256");

        await cut.Find("form").SubmitAsync();

        var queue = Context.Services.GetRequiredService<RunQueue>();
        Assert.Equal(1, queue.Length);
        Assert.NotNull(cut.Instance.SelectedRunId);
        Assert.Equal(cut.Instance.SelectedRunId, queue.Waiting.Single().Job.RunId);
        Assert.DoesNotContain("must be", cut.Markup);
    }

    [Fact]
    public void Submit_ThreeSeeds_QueuesOneRunPerSeedOfTheSameRecipe_AndSaysWhich()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, "epochs", "2");
        Type(cut, "seed", "5");
        Type(cut, "seed-count", "3");
        Assert.Equal("Queue 3 runs", cut.Find("[data-testid=queue-run]").TextContent.Trim());

        cut.Find("form").Submit();

        var queue = Context.Services.GetRequiredService<RunQueue>();
        var ids = queue.Waiting.Select(q => q.Job.RunId).ToList();
        Assert.Equal(3, ids.Count);
        var configs = ids.Select(id => Hw4.Ml.Runs.RunDirectory.Open(Path.Combine(_dir, "runs", id)).ReadRun().TrainingConfig()).ToList();
        Assert.Equal([5L, 6L, 7L], configs.Select(c => c.Seed));
        Assert.All(configs, c => Assert.Equal(configs[0] with { Seed = c.Seed }, c));
        Assert.Equal($"Queued 3 runs, seeds 5–7: {string.Join(", ", ids)}.", cut.Find("[data-testid=queued-seeds]").TextContent.Trim());
        Assert.Equal(ids[0], cut.Instance.SelectedRunId);
        // The form keeps the first seed.
        Assert.Equal(5, cut.Instance.Form.Seed);
    }

    [Fact]
    public void Submit_ElevenSeeds_IsRefusedByTheField()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, "seed-count", "11");

        Assert.Contains("Seeds must be between 1 and 10.", cut.Markup);
        Assert.True(cut.Find("[data-testid=queue-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_ValidForm_PutsTheRunInTheAddress_APageOpenedThereFollowsItAgain()
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, "epochs", "2");
        Type(cut, "limit", "256");

        await cut.Find("form").SubmitAsync();

        var runId = cut.Instance.SelectedRunId;
        Assert.NotNull(runId);
        var navigation = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.EndsWith($"?run={runId}", navigation.Uri, StringComparison.Ordinal);
        // A reload or a bookmark of that address: a new page follows the same run.
        var reopened = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Assert.Equal((runId, "train"), (reopened.Instance.SelectedRunId, reopened.Instance.SelectedKind));
    }

    [Fact]
    public void Address_DenoiseRun_FollowsItWithTheDenoiseView()
    {
        var options = new Hw4.Ml.Denoising.DenoiseOptions(Hw4.Ml.Denoising.DenoiseNorm.L1, Hw4.Ml.Denoising.DenoiseOptimizer.Gd, Lr: 0.3, Alpha: 1, Steps: 5);
        var (id, error) = Context.Services.GetRequiredService<Hw4.Dashboard.Features.Denoising.DenoiseLauncher>()
            .Launch(new Hw4.Ml.Runs.DenoiseRunConfig { Options = options, Source = "tiny.png" }, new Hw4.Ml.Imaging.RgbImage(4, 4, new byte[48]), null);
        Assert.Null(error);
        Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"train?run={id}");

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();

        Assert.Equal((id, "denoise"), (cut.Instance.SelectedRunId, cut.Instance.SelectedKind));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("20990101-000000-cnn-dead")]
    [InlineData("")]
    public void Address_NotARunOfThisServer_IsIgnored_NoRunFollowed(string value)
    {
        Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"train?run={value}");

        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();

        Assert.Null(cut.Instance.SelectedRunId);
        Assert.Contains("Queue run", cut.Markup);
    }

    [Fact]
    public async Task Stop_QueuedRun_LeavesTheQueueListAndTheChipAtOnceAndItsFolderSaysStopped()
    {
        var page = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        var chip = Context.Render<Hw4.Dashboard.Components.Layout.StatusChip>();
        page.Instance.Form.Limit = 256;
        var queue = Context.Services.GetRequiredService<RunQueue>();
        // Submit checks the user's role asynchronously: each submit is waited for before the next, or the second
        // could land while the first is still being handled.
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal(1, queue.Length), TimeSpan.FromSeconds(5));
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal(2, queue.Length), TimeSpan.FromSeconds(5));
        var second = queue.Waiting[1].Job.RunId;
        Assert.Equal("cpu · queue 2", chip.Instance.Label);

        var result = Context.Services.GetRequiredService<RunStopper>().Stop(second);

        Assert.True(result.IsAccepted, result.Message);
        page.WaitForAssertion(() => Assert.DoesNotContain(second, page.Find("[data-testid=queue-list]").TextContent), TimeSpan.FromSeconds(1));
        chip.WaitForAssertion(() => Assert.Equal("cpu · queue 1", chip.Instance.Label), TimeSpan.FromSeconds(1));
        Assert.Contains("\"status\": \"stopped\"", File.ReadAllText(Path.Combine(_dir, "runs", second, "run.json")));
    }

    [Theory]
    [InlineData("lr", "1e-3", 0.001)]
    [InlineData("lr", "0.0001", 0.0001)]
    [InlineData("epochs", "1e3", 1000)]
    public async Task Submit_ExponentTyped_QueuesWithTheValueTyped(string field, string typed, double expected)
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, field, typed);

        await cut.Find("form").SubmitAsync();

        Assert.Equal(1, Context.Services.GetRequiredService<RunQueue>().Length);
        Assert.Equal(expected, field == "lr" ? cut.Instance.Form.LearningRate : cut.Instance.Form.Epochs);
    }

    [Theory]
    [InlineData("seed", "999999999999", "Seed must be zero or positive.")]
    [InlineData("lr", "abc", "is not a number")]
    [InlineData("epochs", "", "Epochs is required.")]
    [InlineData("batch-size", "1.5", "Batch size must be a whole number.")]
    public async Task Submit_FieldRefused_SaysSoInPlaceDisablesQueueAndQueuesNothing(string field, string typed, string reason)
    {
        var cut = Context.Render<Hw4.Dashboard.Components.Pages.Train.Train>();
        Type(cut, field, typed);

        await cut.Find("form").SubmitAsync();

        Assert.Contains(reason, cut.Markup);
        Assert.True(cut.Find("[data-testid=queue-run]").HasAttribute("disabled"));
        Assert.Equal(0, Context.Services.GetRequiredService<RunQueue>().Length);
        Assert.Null(cut.Instance.SelectedRunId);
    }

    private static void Type(IRenderedComponent<Hw4.Dashboard.Components.Pages.Train.Train> cut, string testId, string text) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input").Input(text);
}
