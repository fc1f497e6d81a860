using Hw4.Dashboard.Features.Denoising;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Tests.Features.Denoising;

/// <summary>What the sweep's status line says while it waits, runs and ends, on a clock the test moves.</summary>
public sealed class DenoiseSweepSessionTests
{
    [Fact]
    public void StatusText_QueuedThenRunning_SaysPointsOutOfTheWholeGridAndTheTimeLeftFromTheTimePerPoint()
    {
        var clock = new StepClock();
        var session = new DenoiseSweepSession(clock);
        // Empty lists: each norm's own defaults, counted into the total.
        session.OnQueued("sweep-1", new DenoiseSweepOptions([DenoiseNorm.L1, DenoiseNorm.L2], null, null, 50, DenoiseOptimizer.Gd));
        var defaults = DenoiseSweepOptions.DefaultAlphas(DenoiseNorm.L1).Count * DenoiseSweepOptions.DefaultLrs(DenoiseNorm.L1).Count
            + DenoiseSweepOptions.DefaultAlphas(DenoiseNorm.L2).Count * DenoiseSweepOptions.DefaultLrs(DenoiseNorm.L2).Count;
        Assert.Equal(defaults, session.Total);

        session.OnQueued("sweep-2", new DenoiseSweepOptions([DenoiseNorm.L1, DenoiseNorm.L2], [1.5, 2.5], [0.1, 0.3], 50, DenoiseOptimizer.Gd));
        Assert.Equal("Queued: 8 points (L1: 2 α × 2 lr + L2: 2 α × 2 lr).", session.StatusText);
        clock.Advance(TimeSpan.FromSeconds(30));
        session.OnStarted();
        Assert.Equal("0 of 8 points; the time left shows after the first.", session.StatusText);

        // Two points in 20 s: 10 s a point, 6 to go.
        clock.Advance(TimeSpan.FromSeconds(20));
        session.OnPoint(new DenoiseSweepPoint(DenoiseNorm.L1, 1.5, 0.1, 30.2, 1e7, false, 10));
        session.OnPoint(new DenoiseSweepPoint(DenoiseNorm.L1, 1.5, 0.3, 30.9, 1e7, false, 10));
        Assert.Equal("2 of 8 points, about 1 min left.", session.StatusText);
        clock.Advance(TimeSpan.FromSeconds(40));
        for (var i = 0; i < 5; i++)
            session.OnPoint(new DenoiseSweepPoint(DenoiseNorm.L2, 2.5, 0.1, 28.0, 1e8, false, 10));
        Assert.Equal("7 of 8 points, about 9 s left.", session.StatusText);

        session.OnEnded("8 points in 70.0 s");
        Assert.Equal("8 points in 70.0 s", session.StatusText);
    }

    // A clock that moves only when told.
    private sealed class StepClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
