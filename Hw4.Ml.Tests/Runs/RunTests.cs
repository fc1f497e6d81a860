using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Ml.Tests.Runs;

/// <summary>The run aggregate: its moves, its clock, the events it returns, its fence and its one interrupt wording.</summary>
public sealed class RunTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "hw4-run-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    private RunDirectory NewRun(string id, int epochs = 4)
    {
        var request = new RunRecord { Id = id, Kind = RunKinds.Train, Config = new TrainerOptions { Epochs = epochs } };
        return RunDirectory.Create(_runs, Run.New(request, _clock), time: _clock);
    }

    [Fact]
    public void Start_ThenComplete_StampsTheInjectedClockAndReturnsTheEndedEvent()
    {
        var dir = NewRun("a");
        var attempt = dir.Start("gpu-1");
        _clock.Advance(TimeSpan.FromMinutes(3));

        var ended = attempt.Apply(run => run.Complete(attempt.Number, 180));

        Assert.Equal(new RunEnded("a", RunStatus.Completed, null, 180), ended);
        var record = dir.ReadRun();
        Assert.Equal((RunStatus.Completed, 1L, "gpu-1"), (record.Status, record.Attempt, record.Host));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), record.StartedUtc);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 3, 0, TimeSpan.Zero), record.FinishedUtc);
        Assert.Null(record.Owner);
    }

    [Fact]
    public void Complete_ACompletedRun_IsRefusedAndLeavesRunJsonAsItWas()
    {
        var dir = NewRun("b");
        var attempt = dir.Start("h");
        attempt.Apply(run => run.Complete(attempt.Number, 1));
        var before = File.ReadAllText(dir.RunJsonPath);

        Assert.Throws<RunLeaseLostException>(() => attempt.Apply(run => run.Complete(attempt.Number, 1)));
        var e = Assert.Throws<RunStatusChangeException>(() => dir.Apply(run => run.Requeue()));
        Assert.Equal((RunStatus.Completed, RunStatus.Queued), (e.From, e.To));
        Assert.Equal(before, File.ReadAllText(dir.RunJsonPath));
    }

    [Fact]
    public void Write_AfterALaterGrantTookTheRun_IsRefusedAndWritesNothing()
    {
        var dir = NewRun("c");
        var first = dir.Start("host-a", attempt: 5);
        first.AppendMetric(new RunWarning("c", "from the first holder"));

        var second = dir.Start("host-b", attempt: 6);

        Assert.Throws<RunLeaseLostException>(() => first.AppendMetric(new RunWarning("c", "late")));
        Assert.Throws<RunLeaseLostException>(() => first.Write(() => File.WriteAllText(Path.Combine(dir.Path, "late.txt"), "x")));
        Assert.Throws<RunLeaseLostException>(() => first.Apply(run => run.Complete(first.Number, 1)));
        Assert.False(File.Exists(Path.Combine(dir.Path, "late.txt")));
        Assert.Equal(["from the first holder"], dir.ReadMetrics().OfType<RunWarning>().Select(w => w.Message));
        second.AppendMetric(new RunWarning("c", "from the second"));
        Assert.Equal((RunStatus.Running, 6L, "host-b"), (dir.ReadRun().Status, dir.ReadRun().Attempt, dir.ReadRun().Host));
        // An older grant can never take it back.
        Assert.Throws<RunLeaseLostException>(() => dir.Start("host-a", attempt: 5));
    }

    [Fact]
    public void Write_AfterTheAttemptWasInterrupted_IsRefused()
    {
        var dir = NewRun("d");
        var attempt = dir.Start("h");
        var ended = dir.Apply(run => run.Interrupt("host h stopped heartbeating", attempt.Number));

        Assert.Equal(RunStatus.Interrupted, ended.Status);
        Assert.Throws<RunLeaseLostException>(() => attempt.AppendMetric(new RunWarning("d", "zombie")));
        Assert.Empty(dir.ReadMetrics());
    }

    [Fact]
    public void Revoke_AClaimThatNeverStarted_KeepsTheRunQueuedAndItsHolderCannotStartIt()
    {
        var dir = NewRun("e");
        dir.Apply(run =>
        {
            run.Revoke(3);
            return 0;
        });

        Assert.Equal((RunStatus.Queued, 3L), (dir.ReadRun().Status, dir.ReadRun().Attempt));
        Assert.Throws<RunLeaseLostException>(() => dir.Start("stale", attempt: 3));
        Assert.Equal(4, dir.Start("next", attempt: 4).Number);
    }

    [Theory]
    [InlineData(0, false, "interrupted: its process ended during epoch 1 (no epoch was completed); resume it to continue")]
    [InlineData(1, false, "interrupted: its process ended during epoch 2 (epoch 1 is kept); resume it to continue")]
    [InlineData(3, false, "interrupted: its process ended during epoch 4 (epochs 1–3 are kept); resume it to continue")]
    [InlineData(4, false, "interrupted: its process ended during the test evaluation (epochs 1–4 are kept); resume it to continue")]
    [InlineData(2, true, "interrupted: its process ended during the test evaluation (epochs 1–2 are kept); resume it to continue")]
    public void Interrupt_InEveryPhase_SaysWhatWasRunningAndWhatIsKept(int epochsDone, bool diverged, string expected)
    {
        var dir = NewRun("f", epochs: 4);
        var attempt = dir.Start("h");
        for (var e = 1; e <= epochsDone; e++)
            attempt.AppendMetric(new EpochCompleted("f", e, 1, 1, 0.5, 1, 1));
        if (diverged)
            attempt.AppendMetric(new Diverged("f", 3, 7, 1.5));

        var ended = dir.Apply(run => run.Interrupt(RunInterruption.ProcessEnded, attempt.Number));

        Assert.Equal(expected, ended.Message);
        Assert.Equal(expected, dir.ReadRun().Message);
    }

    [Fact]
    public void Interrupt_AfterAResumeWentBack_CountsOnlyTheEpochsKept()
    {
        var dir = NewRun("g", epochs: 5);
        var attempt = dir.Start("h");
        foreach (var e in new RunEvent[]
        {
            new EpochCompleted("g", 1, 1, 1, 0.5, 1, 1), new EpochCompleted("g", 2, 1, 1, 0.5, 1, 1), new EpochCompleted("g", 3, 1, 1, 0.5, 1, 1),
            new RunStarted("g", RunKinds.Train, "cpu", 5, 10, ResumedFromEpoch: 1),
        })
        {
            attempt.AppendMetric(e);
        }

        Assert.Equal("interrupted: its process ended during epoch 2 (epoch 1 is kept); resume it to continue",
            dir.Apply(run => run.Interrupt(RunInterruption.ProcessEnded)).Message);
    }

    [Fact]
    public void Stop_AnInterruptedRun_KeepsTheInterruptionsMessage()
    {
        var dir = NewRun("h");
        var attempt = dir.Start("h");
        var interrupted = dir.Apply(run => run.Interrupt(RunInterruption.ProcessEnded, attempt.Number));

        var stopped = dir.Apply(run => run.Stop(null, "stopped by the user"));

        Assert.Equal((RunStatus.Stopped, interrupted.Message), (stopped.Status, stopped.Message));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runs))
            Directory.Delete(_runs, recursive: true);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
