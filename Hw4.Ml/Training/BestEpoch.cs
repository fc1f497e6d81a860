namespace Hw4.Ml.Training;

/// <summary>
/// The one best-epoch rule of Hw4: the epoch with the lowest finite validation loss, the earliest on ties; none when no
/// epoch has a finite validation loss (a NaN checkpoint is never "best"). The trainer, the run reader (and so the index)
/// and the live view all call it.
/// </summary>
public static class BestEpoch
{
    /// <summary>The best of <paramref name="epochs"/>, or null.</summary>
    public static EpochMetrics? Pick(IEnumerable<EpochMetrics> epochs) =>
        Pick(epochs, e => e.Epoch, e => e.ValLoss);

    /// <summary>The best of any epoch records, given how to read their epoch number and validation loss.</summary>
    public static T? Pick<T>(IEnumerable<T> epochs, Func<T, int> epoch, Func<T, double> valLoss)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(epochs);
        T? best = null;
        foreach (var e in epochs)
        {
            var loss = valLoss(e);
            if (!double.IsFinite(loss))
                continue;
            if (best is null || loss < valLoss(best) || (loss == valLoss(best) && epoch(e) < epoch(best)))
                best = e;
        }

        return best;
    }
}
