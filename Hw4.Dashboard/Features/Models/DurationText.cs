using System.Globalization;

namespace Hw4.Dashboard.Features.Models;

/// <summary>Durations in words a person plans with (a training run's estimate, a sweep's time left).</summary>
public static class DurationText
{
    /// <summary>"under a minute", "about 12 min", "about 1 h 5 min".</summary>
    public static string Of(double seconds) => seconds switch
    {
        < 60 => "under a minute",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Max(1, Math.Round(seconds / 60)):0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"about {Math.Floor(seconds / 3600):0} h {Math.Round(seconds % 3600 / 60):0} min"),
    };
}
