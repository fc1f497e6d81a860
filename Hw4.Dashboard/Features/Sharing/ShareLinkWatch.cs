namespace Hw4.Dashboard.Features.Sharing;

/// <summary>
/// Calls back once when one share link stops working: revoked (the store's <see cref="ShareStore.Changed"/> and the
/// link no longer active) or expired (a timer at its expiry). What a viewer already has open (a page in a circuit, a
/// hub connection) uses it to close, so revoking a link ends what its holder sees at once, not at their next request.
/// </summary>
public sealed class ShareLinkWatch : IDisposable
{
    private readonly ShareStore _store;
    private readonly string _linkId;
    private readonly Action _ended;
    private readonly ITimer? _expiry;
    private int _fired;

    /// <summary>Watches <paramref name="link"/>; <paramref name="ended"/> runs at most once, on any thread.</summary>
    public ShareLinkWatch(ShareStore store, TimeProvider time, ShareLink link, Action ended)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(link);
        (_store, _linkId, _ended) = (store, link.Id, ended);
        _store.Changed += OnChanged;
        if (link.ExpiresUtc is { } expires)
        {
            var due = expires - time.GetUtcNow();
            _expiry = time.CreateTimer(_ => Fire(), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

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

    private void Fire()
    {
        if (Interlocked.Exchange(ref _fired, 1) == 0)
            _ended();
    }
}
