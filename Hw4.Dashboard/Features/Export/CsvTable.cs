namespace Hw4.Dashboard.Features.Export;

/// <summary>The tables of a CSV export; each is one tidy CSV file with a header row (<c>pandas.read_csv</c> reads it as is).</summary>
public enum CsvTable
{
    /// <summary><c>epochs.csv</c>: one row per completed epoch.</summary>
    Epochs,

    /// <summary><c>batches.csv</c>: one row per reported batch (every <c>progress_every_batches</c> and each epoch's last).</summary>
    Batches,

    /// <summary><c>confusion.csv</c>: one row per true class, one count column per predicted class.</summary>
    Confusion,

    /// <summary><c>per_class.csv</c>: test accuracy per class.</summary>
    PerClass,
}
