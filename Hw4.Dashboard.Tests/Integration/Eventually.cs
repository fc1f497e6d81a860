using System.Diagnostics;

namespace Hw4.Dashboard.Tests.Integration;

/// <summary>Waits for what other hosts or threads do, with a timeout whose message says what was awaited.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 30) => TrueAsync(() => Task.FromResult(condition()), what, seconds);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, int)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"waited {seconds} s for {what}");
            await Task.Delay(50);
        }
    }
}
