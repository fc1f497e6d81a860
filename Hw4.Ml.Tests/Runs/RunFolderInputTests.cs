using System.Text;
using Hw4.Ml.Evaluation;
using Hw4.Ml.IO;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Tests.IO;
using Hw4.Ml.Training;

namespace Hw4.Ml.Tests.Runs;

/// <summary>
/// A run folder as input from anyone (a copy, a restore, shared storage): every file is read within its cap, only as a
/// regular file inside the folder, and every value is checked; what cannot be read is a message naming the file
/// relative to the artifacts folder, never an absolute server path, and never a hang or a crash.
/// </summary>
public sealed class RunFolderInputTests : IDisposable
{
    private const string Id = "20261201-120000-cnn-abcd";
    private readonly string _runs = Directory.CreateTempSubdirectory("hw4-input-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void ReadRun_HugeMessage_RefusedWithoutReadingItNamingFileSizeAndCap()
    {
        var dir = NewRun();
        File.WriteAllText(dir.RunJsonPath, File.ReadAllText(dir.RunJsonPath).Replace("\"message\": null", $"\"message\": \"{new string('x', 3 << 20)}\""));
        // This thread's allocations only: the process-wide count also holds what tests running beside it allocate (a quiet
        // full run once failed on it).
        var before = GC.GetAllocatedBytesForCurrentThread();

        var summary = RunDirectoryReader.Read(dir.Path, RunFileLimits.Default with { RunJsonBytes = 1 << 20 });

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the file was read");
        Assert.Equal(RunSummary.Unreadable, summary.StatusText);
        Assert.Matches($"^{Id}/run\\.json is 3 MiB \\(3,146,[0-9]{{3}} bytes\\)", summary.Problem);
        Assert.Contains("over the 1 MiB limit for that file", summary.Problem);
        Assert.DoesNotContain(_runs, summary.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRun_BatchSizeOfIntMax_RefusedNamingTheValue()
    {
        var dir = NewRun();
        File.WriteAllText(dir.RunJsonPath, File.ReadAllText(dir.RunJsonPath).Replace("\"batch_size\": 64", "\"batch_size\": 2147483647"));

        var e = Assert.Throws<InvalidDataException>(dir.ReadRun);

        Assert.Equal($"{Id}/run.json: config: batch size must be between 1 and {TrainerOptions.MaxBatchSize} (got 2147483647).", e.Message);
    }

    [Theory]
    [InlineData("\"status\": \"queued\"", "\"status\": 42", "status is not a run status")]
    [InlineData("\"kind\": \"train\"", "\"kind\": \"mine\"", "kind is neither train nor denoise")]
    [InlineData("\"model\": \"cnn\"", "\"model\": 7", "model 7 is not a model")]
    [InlineData("\"epochs\": 3", "\"epochs\": 100000000", "epochs must be between")]
    [InlineData("\"threads\": null", "\"threads\": 100000", "threads must be between")]
    [InlineData("\"id\": \"20261201-120000-cnn-abcd\"", "\"id\": \"../../etc\"", "id is not a run id")]
    [InlineData("\"config\": {", "\"config\": null, \"x\": {", "config is missing")]
    [InlineData("\"batch_size\": 64", "\"batch_size\": \"64\"", "not valid JSON")]
    public void ReadRun_ValueNoCodeCanUse_RefusedNamingIt(string from, string to, string expected)
    {
        var dir = NewRun();
        var text = File.ReadAllText(dir.RunJsonPath);
        Assert.Contains(from, text);
        File.WriteAllText(dir.RunJsonPath, text.Replace(from, to));

        var e = Assert.Throws<InvalidDataException>(dir.ReadRun);

        Assert.StartsWith($"{Id}/run.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_RunJsonIsAFifo_UnreadableWithinOneSecond()
    {
        var dir = NewRun();
        File.Delete(dir.RunJsonPath);
        Fifo.Create(dir.RunJsonPath);

        var summary = Fifo.WithinSeconds(1, () => RunDirectoryReader.Read(dir.Path));

        Assert.Equal(RunSummary.Unreadable, summary.StatusText);
        Assert.Equal($"{Id}/run.json is a named pipe (FIFO), not a regular file; it was not read.", summary.Problem);
        Assert.Null(Fifo.WithinSeconds(1, dir.ReadRunText));
    }

    [Fact]
    public void ReadRun_SymlinkToAFileOutsideTheRunFolder_Refused()
    {
        var dir = NewRun();
        var elsewhere = Path.Combine(_runs, "elsewhere.json");
        File.Move(dir.RunJsonPath, elsewhere);
        File.CreateSymbolicLink(dir.RunJsonPath, elsewhere);

        var e = Assert.Throws<InvalidDataException>(dir.ReadRun);

        Assert.Equal($"{Id}/run.json is a link to a file outside its folder ({Id}); it was not read.", e.Message);
    }

    [Fact]
    public void Read_RunFolderIsALinkToAFolderElsewhere_RefusedWhole()
    {
        var real = NewRun();
        var outside = Directory.CreateTempSubdirectory("hw4-outside-").FullName;
        try
        {
            Directory.Move(real.Path, Path.Combine(outside, Id));
            Directory.CreateSymbolicLink(Path.Combine(_runs, Id), Path.Combine(outside, Id));

            var summary = RunDirectoryReader.Read(Path.Combine(_runs, Id));

            Assert.Equal(RunSummary.Unreadable, summary.StatusText);
            Assert.Contains($"{Id} is a link to a folder outside the artifacts folder", summary.Problem);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void ReadMetrics_LineOverItsCap_SkippedAndTheRestKept()
    {
        var dir = RunDirectory.Open(NewRun().Path, RunFileLimits.Default with { MetricsLineBytes = 4096 });
        dir.AppendMetric(new EpochCompleted(Id, 1, 2.0, 1.9, 0.3, 4, 512));
        File.AppendAllText(dir.MetricsPath, "{\"type\":\"warning\",\"run_id\":\"x\",\"message\":\"" + new string('w', 100_000) + "\"}\n");
        dir.AppendMetric(new EpochCompleted(Id, 2, 1.8, 1.7, 0.4, 4, 512));

        var events = dir.ReadMetrics();

        Assert.Equal([1, 2], events.OfType<EpochCompleted>().Select(e => e.Epoch));
        Assert.Empty(events.OfType<RunWarning>());
    }

    [Fact]
    public void ReadMetrics_FileOverItsCap_RefusedAndTheRunUnreadableWithTheReason()
    {
        var dir = NewRun();
        using (var metrics = File.Create(dir.MetricsPath))
            metrics.SetLength(5 << 20);

        var summary = RunDirectoryReader.Read(dir.Path, RunFileLimits.Default with { MetricsBytes = 4 << 20 });

        Assert.Contains($"{Id}/metrics.jsonl is 5 MiB", summary.Problem);
    }

    [Fact]
    public void Read_DamagedEvaluation_RunKeepsItsStatusAndSaysWhyItsEvaluationCannotBeShown()
    {
        var dir = NewRun();
        dir.Transition(RunStatus.Running, r => r with { Owner = RunOwner.Current() });
        dir.Transition(RunStatus.Completed, r => r with { Owner = null });
        File.WriteAllText(dir.EvaluationPath, "{ \"accuracy\": 0.5, ");

        var summary = RunDirectoryReader.Read(dir.Path);

        Assert.Equal("completed", summary.StatusText);
        Assert.Null(summary.Problem);
        Assert.StartsWith($"{Id}/evaluation.json: not valid JSON", summary.EvaluationProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadEvaluation_ConfusionMatrixNotOfItsClasses_Refused()
    {
        var dir = NewRun();
        dir.WriteEvaluation(new EvaluationSummary("checkpoints/model_1.params", 1, 4, 0.5, new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 },
            ["a", "b"], [[1, 1]], [[0.5, 0.5]], "a", "b", [], 100));

        var e = Assert.Throws<InvalidDataException>(dir.ReadEvaluation);

        Assert.Equal($"{Id}/evaluation.json: confusion_matrix must be 2×2 non-negative counts, one row per class.", e.Message);
    }

    [Fact]
    public void ReadPredictions_LabelsOfDifferentLengths_Refused()
    {
        var dir = NewRun();
        File.WriteAllText(dir.PredictionsPath, "{\"epoch\": 1, \"truth\": [0, 1, 2], \"predicted\": [0]}");

        Assert.Contains("truth and predicted must be two lists of the same length", Assert.Throws<InvalidDataException>(dir.ReadPredictions).Message);
    }

    [Fact]
    public void ReadNotes_OverItsCap_Refused()
    {
        var dir = NewRun();
        File.WriteAllText(dir.NotesPath, "{\"notes\": \"" + new string('n', 300 << 10) + "\"}", Encoding.UTF8);

        Assert.Contains("over the 256 KiB limit", Assert.Throws<InvalidDataException>(dir.ReadNotes).Message);
    }

    private RunDirectory NewRun() =>
        RunDirectory.Create(_runs, new RunRecord { Id = Id, Config = new TrainerOptions { Epochs = 3 }, CreatedUtc = DateTimeOffset.UnixEpoch });
}
