using System.Text.RegularExpressions;
using Hw4.Ml.Models;
using Hw4.Ml.Runs;
using Hw4.Ml.Training.Events;

namespace Hw4.Ml.Tests.Runs;

public sealed class RunDirectoryTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-rundir-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void New_ResidualAtAGivenTime_IsSortableAndNamesTheModel()
    {
        var id = RunId.New(ModelKind.Residual, new DateTimeOffset(2026, 11, 27, 6, 15, 0, TimeSpan.Zero));

        Assert.Matches(new Regex("^20261127-061500-residual-[0-9a-f]{4}$"), id);
        Assert.True(RunId.IsValid(id));
        Assert.False(RunId.IsValid("../x"));
    }

    [Fact]
    public void ReadMetrics_TornLastLine_ReturnsTheCompleteEvents()
    {
        var dir = RunDirectory.Create(_runs, "r1");
        dir.AppendMetric(new BatchProgress("r1", 1, 20, 32, 20, 2.1, 500, 10));
        dir.AppendMetric(new EpochCompleted("r1", 1, 2.0, 1.9, 0.3, 4, 512));
        File.AppendAllText(dir.MetricsPath, "{\"type\":\"epoch\",\"run_id\":\"r1\",\"ep");

        var events = dir.ReadMetrics();

        Assert.Equal(2, events.Count);
        Assert.Equal(new EpochCompleted("r1", 1, 2.0, 1.9, 0.3, 4, 512), events[1]);
        Assert.Contains("\"type\":\"batch\"", File.ReadLines(dir.MetricsPath).First());
    }

    [Fact]
    public void AppendMetric_DivergedWithNaNLoss_RoundTrips()
    {
        var dir = RunDirectory.Create(_runs, "r2");

        dir.AppendMetric(new Diverged("r2", 1, 1, double.NaN));

        var diverged = Assert.IsType<Diverged>(Assert.Single(dir.ReadMetrics()));
        Assert.True(double.IsNaN(diverged.LastFiniteLoss));
    }

    [Fact]
    public void WriteAtomic_Twice_LeavesOnlyTheTargetFile()
    {
        Directory.CreateDirectory(_runs);
        var path = Path.Combine(_runs, "x.json");

        RunJson.WriteAtomic(path, new { a = 1 });
        RunJson.WriteAtomic(path, new { a = 2 });

        Assert.Equal("x.json", Path.GetFileName(Assert.Single(Directory.GetFiles(_runs))));
        Assert.Contains("2", File.ReadAllText(path));
    }

    [Fact]
    public void Create_ExistingRun_Throws()
    {
        RunDirectory.Create(_runs, "dup");

        Assert.Throws<IOException>(() => RunDirectory.Create(_runs, "dup"));
    }

    [Fact]
    public void WriteNotes_ThenReadNotes_RoundTripsTagsAndNotes()
    {
        var dir = RunDirectory.Create(_runs, "n1");
        var notes = new RunNotes { Tags = ["baseline", "lr-0.01"], Notes = "first try\nsecond line", UpdatedUtc = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero) };

        dir.WriteNotes(notes);
        var read = dir.ReadNotes();

        Assert.Equal(notes.Tags, read.Tags);
        Assert.Equal(notes.Notes, read.Notes);
        Assert.Equal(notes.UpdatedUtc, read.UpdatedUtc);
        Assert.Equal(RunDirectory.NotesFile, Path.GetFileName(Assert.Single(Directory.GetFiles(dir.Path))));
    }

    [Fact]
    public void Enumerate_HiddenFolderWithRunJson_IsSkipped()
    {
        File.WriteAllText(Path.Combine(RunDirectory.Create(_runs, "visible").Path, RunDirectory.RunFile), "{}");
        var hidden = Directory.CreateDirectory(Path.Combine(_runs, ".deleting-x")).FullName;
        File.WriteAllText(Path.Combine(hidden, RunDirectory.RunFile), "{}");

        Assert.Equal(["visible"], RunDirectory.Enumerate(_runs).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs)) Directory.Delete(_runs, recursive: true);
    }
}
