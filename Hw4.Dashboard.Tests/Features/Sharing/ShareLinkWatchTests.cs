using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Sharing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Tests.Features.Sharing;

/// <summary>
/// The watch that closes what a viewer has open when the link ends: a link expiring further ahead than a runtime timer
/// can wait (about 49.7 days) is watched with timers it sets again, and still ends at its expiry.
/// </summary>
public sealed class ShareLinkWatchTests : IDisposable
{
    private const string RunA = "20261201-000000-cnn-aaaa";
    private readonly string _artifactsDir = Directory.CreateTempSubdirectory("hw4-watch-").FullName;

    public ShareLinkWatchTests() => new Runs.RunFolderBuilder(_artifactsDir).Queued(RunA);

    public void Dispose() => Directory.Delete(_artifactsDir, recursive: true);

    [Fact]
    public void Watch_LinkExpiringBeyondWhatATimerCanWaitFor_FiresAtItsExpiryAndNotBefore()
    {
        var time = new ManualTimers(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new ShareStore(Options.Create(new Hw4Options { ArtifactsDir = _artifactsDir }), time, NullLogger<ShareStore>.Instance);
        var link = store.Create(ShareKind.Run, [RunA], false, TimeSpan.FromDays(120)).Link;
        var ended = 0;

        using var watch = new ShareLinkWatch(store, time, link, () => Interlocked.Increment(ref ended));
        time.Advance(TimeSpan.FromDays(119));
        Assert.Equal(0, ended);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, ended);
        Assert.All(time.Dues, due => Assert.True(due <= TimeSpan.FromMilliseconds(uint.MaxValue - 1), $"timer due {due}"));
    }

    // A clock whose timers fire when it is advanced past them (and record what they were set for).
    private sealed class ManualTimers(DateTimeOffset start) : TimeProvider
    {
        private readonly List<Timer> _timers = [];
        private DateTimeOffset _now = start;

        public List<TimeSpan> Dues { get; } = [];

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            // What the runtime's own timers accept: at most 0xFFFFFFFE ms.
            ArgumentOutOfRangeException.ThrowIfGreaterThan(dueTime, TimeSpan.FromMilliseconds(uint.MaxValue - 1));
            var timer = new Timer(this, callback, state);
            timer.Change(dueTime, period);
            _timers.Add(timer);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            var until = _now + by;
            while (_timers.Where(t => t.At is { } at && at <= until).OrderBy(t => t.At).FirstOrDefault() is { } next)
            {
                _now = next.At!.Value;
                next.At = null;
                next.Callback(next.State);
            }

            _now = until;
        }

        private sealed class Timer(ManualTimers owner, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset? At { get; set; }

            public TimerCallback Callback => callback;

            public object? State => state;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThan(dueTime, TimeSpan.FromMilliseconds(uint.MaxValue - 1));
                owner.Dues.Add(dueTime);
                At = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                return true;
            }

            public void Dispose() => At = null;

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
