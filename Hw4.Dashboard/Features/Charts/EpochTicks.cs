namespace Hw4.Dashboard.Features.Charts;

/// <summary>Integer tick spacing for an epoch axis: every epoch up to 20, then a whole step that keeps about 20 ticks.</summary>
public static class EpochTicks
{
    /// <summary>The spacing for an axis up to <paramref name="epochs"/> epochs (1 when unknown).</summary>
    public static int Step(int epochs) => epochs <= 20 ? 1 : (int)Math.Ceiling(epochs / 20.0);
}
