using Hw4.Dashboard.Features.Queue.Store;

using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Tests.Features.Queue;

/// <summary>Silence is counted only over time in which the judge reached the store.</summary>
public sealed class HostSilenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static JobRow Held(string run, long attempt, DateTimeOffset beat) =>
        new() { RunId = run, Kind = "train", Host = "gpu-1", Attempt = attempt, HeartbeatAt = beat };

    [Fact]
    public void Look_AHolderSilentForTheTimeoutWhileTheStoreAnswers_IsExpired()
    {
        var silence = new HostSilence(Timeout, Interval);
        var beat = DateTimeOffset.UnixEpoch;
        IReadOnlyList<(JobRow Job, TimeSpan SilentFor)> expired = [];
        for (var t = 0; t <= 10; t += 2)
            expired = silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(t));

        var (job, silent) = Assert.Single(expired);
        Assert.Equal(("r", TimeSpan.FromSeconds(10)), (job.RunId, silent));
    }

    [Fact]
    public void Look_AfterAStoreOutageLongerThanTheTimeout_GivesEveryHolderAFullTimeoutAgain()
    {
        var silence = new HostSilence(Timeout, Interval);
        var beat = DateTimeOffset.UnixEpoch;
        Assert.Empty(silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(0)));
        Assert.Empty(silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(2)));
        // 33 s of outage: no look reaches the store, no holder can beat.
        for (var t = 4; t < 37; t += 2)
            silence.Unreachable();

        // Back: the holder's last beat is 37 s old, and still it has a full timeout from now.
        for (var t = 37; t <= 45; t += 2)
            Assert.Empty(silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(t)));
        Assert.Single(silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(47)));
    }

    [Fact]
    public void Look_ABeatOrANewClaim_StartsTheCountAgain()
    {
        var silence = new HostSilence(Timeout, Interval);
        var t0 = DateTimeOffset.UnixEpoch;
        for (var t = 0; t <= 8; t += 2)
            silence.Look([Held("r", 1, t0)], TimeSpan.FromSeconds(t));

        Assert.Empty(silence.Look([Held("r", 1, t0.AddSeconds(9))], TimeSpan.FromSeconds(10)));
        Assert.Empty(silence.Look([Held("r", 2, t0.AddSeconds(9))], TimeSpan.FromSeconds(12)));
    }

    [Fact]
    public void Look_TheJudgeItselfWasStarved_CountsTheGapAsTwoIntervalsAtMost()
    {
        var silence = new HostSilence(Timeout, Interval);
        var beat = DateTimeOffset.UnixEpoch;
        silence.Look([Held("r", 1, beat)], TimeSpan.Zero);

        // 30 s between two looks (a paused sweeper): 4 s of silence, not 30.
        Assert.Empty(silence.Look([Held("r", 1, beat)], TimeSpan.FromSeconds(30)));
    }
}
