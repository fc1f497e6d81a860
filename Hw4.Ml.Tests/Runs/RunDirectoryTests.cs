using System.Text.RegularExpressions;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Ml.Tests.Runs;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-rundir-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void New_ResidualAtAGivenTime_IsSortableAndNamesTheModel()
    {
        var id = RunId.New("Residual", new DateTimeOffset(2026, 11, 27, 6, 15, 0, TimeSpan.Zero));

        Assert.Matches(new Regex("^20261127-061500-residual-[0-9a-f]{4}$"), id);
        Assert.True(RunId.IsValid(id));
        Assert.False(RunId.IsValid("../x"));
    }

    [Fact]
    public void ReadExample_RecordedPng_ReturnsItsBytesAndRefusesAnythingOutsideExamples()
    {
        var dir = NewRun("ex1");
        Directory.CreateDirectory(dir.ExamplesDir);
        File.WriteAllBytes(Path.Combine(dir.ExamplesDir, "0.png"), [1, 2, 3]);

        Assert.Equal([1, 2, 3], dir.ReadExample("examples/0.png"));
        Assert.Null(dir.ReadExample("examples/../run.json"));
        Assert.Null(dir.ReadExample("run.json"));
        Assert.Null(dir.ReadExample("examples/missing.png"));
        Assert.Null(dir.ReadExample(null));
    }

    [Fact]
    public void Batches_AfterAResume_DropTheVoidedEpochsBatches()
    {
        var dir = NewRun("b1");
        dir.AppendMetric(new BatchProgress("b1", 1, 1, 1, 1, 2.0, 2.0, 500, null));
        dir.AppendMetric(new BatchProgress("b1", 2, 1, 1, 2, 1.5, 1.5, 500, null));
        dir.AppendMetric(new RunStarted("b1", "cnn", "cpu", 2, 1, ResumedFromEpoch: 1));
        dir.AppendMetric(new BatchProgress("b1", 2, 1, 1, 2, 1.4, 1.4, 500, null));

        var batches = RunDirectoryReader.Batches(dir.Path);

        Assert.Equal([2.0, 1.4], batches.Select(b => b.Loss));
    }

    [Fact]
    public void ReadMetrics_TornLastLine_ReturnsTheCompleteEvents()
    {
        var dir = NewRun("r1");
        dir.AppendMetric(new BatchProgress("r1", 1, 20, 32, 20, 2.0, 2.1, 500, 10));
        dir.AppendMetric(new EpochCompleted("r1", 1, 2.0, 1.9, 0.3, 4, 512));
        File.AppendAllText(dir.MetricsPath, "{\"type\":\"epoch\",\"run_id\":\"r1\",\"ep");

        var events = dir.ReadMetrics();

        Assert.Equal(2, events.Count);
        Assert.Equal(new EpochCompleted("r1", 1, 2.0, 1.9, 0.3, 4, 512), events[1]);
        Assert.Contains("\"type\":\"batch\"", File.ReadLines(dir.MetricsPath).First());
    }

    [Fact]
    public void AppendMetric_NaNValidationLoss_RoundTrips()
    {
        var dir = NewRun("r2");

        dir.AppendMetric(new EpochCompleted("r2", 1, 2.0, double.NaN, 0.1, 4, 512));

        var epoch = Assert.IsType<EpochCompleted>(Assert.Single(dir.ReadMetrics()));
        Assert.True(double.IsNaN(epoch.ValLoss));
    }

    [Fact]
    public void WriteAtomic_Twice_LeavesOnlyTheTargetFile()
    {
        Directory.CreateDirectory(_runs);
        var path = Path.Combine(_runs, "x.json");

        MlJson.WriteAtomic(path, new { a = 1 });
        MlJson.WriteAtomic(path, new { a = 2 });

        Assert.Equal("x.json", Path.GetFileName(Assert.Single(Directory.GetFiles(_runs))));
        Assert.Contains("2", File.ReadAllText(path));
    }

    [Fact]
    public void Create_ExistingRun_Throws()
    {
        NewRun("dup");

        Assert.Throws<IOException>(() => NewRun("dup"));
        Assert.Equal(["dup"], Directory.GetDirectories(_runs).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_NewRun_IsQueuedWithItsRequestAndLeavesNoTempFolder()
    {
        var dir = NewRun("q1");

        var record = dir.ReadRun();
        Assert.Equal(RunStatus.Queued, record.Status);
        Assert.Equal(3, record.Config!.Epochs);
        Assert.Contains("\"status\": \"queued\"", File.ReadAllText(dir.RunJsonPath));
        Assert.Equal(["q1"], Directory.GetDirectories(_runs).Select(Path.GetFileName));
    }

    [Fact]
    public void Transition_AllowedMove_WritesTheNewStatusAndChange()
    {
        var dir = NewRun("t1");

        dir.Transition(RunStatus.Running, r => r with { Parameters = 42 });
        var done = dir.Transition(RunStatus.Completed);

        Assert.Equal(RunStatus.Completed, dir.ReadRun().Status);
        Assert.Equal(42, done.Parameters);
        Assert.Contains("\"status\": \"completed\"", File.ReadAllText(dir.RunJsonPath));
    }

    [Fact]
    public void Transition_CompletedToQueued_IsRefusedAndLeavesTheFile()
    {
        var dir = NewRun("t2");
        dir.Transition(RunStatus.Running);
        dir.Transition(RunStatus.Completed);
        var before = File.ReadAllText(dir.RunJsonPath);

        var e = Assert.Throws<RunStatusChangeException>(() => dir.Transition(RunStatus.Queued));

        Assert.Equal("Run 't2' is completed; it cannot become queued.", e.Message);
        Assert.Equal(before, File.ReadAllText(dir.RunJsonPath));
    }

    [Theory]
    [InlineData(RunStatus.Queued, RunStatus.Running, true)]
    [InlineData(RunStatus.Queued, RunStatus.Stopped, true)]
    [InlineData(RunStatus.Running, RunStatus.Interrupted, true)]
    [InlineData(RunStatus.Interrupted, RunStatus.Queued, true)]
    [InlineData(RunStatus.Stopped, RunStatus.Queued, true)]
    [InlineData(RunStatus.Failed, RunStatus.Queued, true)]
    [InlineData(RunStatus.Completed, RunStatus.Queued, false)]
    [InlineData(RunStatus.Diverged, RunStatus.Queued, false)]
    [InlineData(RunStatus.Queued, RunStatus.Completed, false)]
    [InlineData(RunStatus.Completed, RunStatus.Running, false)]
    public void IsAllowed_Move_FollowsTheDocumentedDiagram(RunStatus from, RunStatus to, bool allowed) =>
        Assert.Equal(allowed, RunTransitions.IsAllowed(from, to));

    [Fact]
    public void Name_EveryStatus_IsTheLowerCaseWordThatParsesBack()
    {
        foreach (var status in RunStatusNames.All)
        {
            Assert.Equal(status.ToString().ToLowerInvariant(), status.Name());
            Assert.Equal(status, RunStatusNames.Parse(status.Name()));
        }
    }

    [Fact]
    public void WriteNotes_ThenReadNotes_RoundTripsTagsAndNotes()
    {
        var dir = NewRun("n1");
        var notes = new RunNotes { Tags = ["baseline", "lr-0.01"], Notes = "first try\nsecond line", UpdatedUtc = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero) };

        dir.WriteNotes(notes);
        var read = dir.ReadNotes();

        Assert.Equal(notes.Tags, read.Tags);
        Assert.Equal(notes.Notes, read.Notes);
        Assert.Equal(notes.UpdatedUtc, read.UpdatedUtc);
        Assert.Equal([RunDirectory.NotesFile, RunDirectory.RunFile], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Enumerate_HiddenFolderWithRunJson_IsSkipped()
    {
        NewRun("visible");
        var hidden = Directory.CreateDirectory(Path.Combine(_runs, ".deleting-x")).FullName;
        File.WriteAllText(Path.Combine(hidden, RunDirectory.RunFile), "{}");

        Assert.Equal(["visible"], RunDirectory.Enumerate(_runs).Select(Path.GetFileName));
    }

    private RunDirectory NewRun(string id) =>
        RunDirectory.Create(_runs, new RunRecord { Id = id, Config = new TrainerOptions { Epochs = 3 }, CreatedUtc = DateTimeOffset.UnixEpoch });

    public void Dispose()
    {
        if (Directory.Exists(_runs)) Directory.Delete(_runs, recursive: true);
    }
}
