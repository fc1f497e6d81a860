namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// Lets one report be made at a time on this server. Building reads every chosen run and draws the augmentation grid,
/// and a PDF starts a Chromium: seconds of CPU and hundreds of MB each. Anyone holding a report link may ask, so
/// requests wait their turn (or give up when the request is aborted) instead of each starting its own browser.
/// </summary>
public sealed class ReportGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Runs <paramref name="make"/> once no other report is being made.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> make, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(make);
        await _one.WaitAsync(cancellationToken);
        try
        {
            return await make();
        }
        finally
        {
            _one.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _one.Dispose();
}
