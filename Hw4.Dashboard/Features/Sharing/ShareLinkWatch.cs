namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// Calls back once when one share link stops working: revoked (the store's <see cref="ShareStore.Changed"/> and the
/// link no longer active) or expired (a timer at its expiry). What a viewer already has open (a page in a circuit, a
/// hub connection) uses it to close, so revoking a link ends what its holder sees at once, not at their next request.
/// A timer cannot be due further ahead than the runtime allows (about 49.7 days), so one set for a later expiry wakes
/// at <see cref="MaxTimerDue"/> and sets itself again for what is left.
/// </summary>
public sealed class ShareLinkWatch : IDisposable
{
    private readonly ShareStore _store;
    private readonly string _linkId;
    private readonly Action _ended;
    /// <summary>The furthest ahead the timer is set at once: well within what <see cref="ITimer"/> accepts.</summary>
    public static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);

    private readonly ITimer? _expiry;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset? _expires;
    private int _fired;

    /// <summary>Watches <paramref name="link"/>; <paramref name="ended"/> runs at most once, on any thread.</summary>
    public ShareLinkWatch(ShareStore store, TimeProvider time, ShareLink link, Action ended)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(link);
        (_store, _linkId, _ended, _time, _expires) = (store, link.Id, ended, time, link.ExpiresUtc);
        _store.Changed += OnChanged;
        if (_expires is not null)
            _expiry = time.CreateTimer(_ => OnTimer(), null, Due(), Timeout.InfiniteTimeSpan);

        // Revoked between the caller's check and this subscription.
        OnChanged();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.Changed -= OnChanged;
        _expiry?.Dispose();
    }

    private void OnChanged()
    {
        if (_store.FindActive(_linkId) is null)
            Fire();
    }

    // How long until the expiry, within what a timer may be set for.
    private TimeSpan Due()
    {
        var left = _expires!.Value - _time.GetUtcNow();
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left < MaxTimerDue ? left : MaxTimerDue;
    }

    private void OnTimer()
    {
        if (_expires!.Value <= _time.GetUtcNow())
            Fire();
        else
            _expiry?.Change(Due(), Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        if (Interlocked.Exchange(ref _fired, 1) == 0)
            _ended();
    }
}
