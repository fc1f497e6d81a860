namespace Hw4.Dashboard.Store;

/// <summary>One epoch of a run.</summary>
public sealed class EpochRecord
{
    /// <summary>The run.</summary>
    public required string RunId { get; set; }

    /// <summary>1-based epoch number.</summary>
    public int Epoch { get; set; }

    /// <summary>Mean training loss.</summary>
    public double TrainLoss { get; set; }

    /// <summary>Validation loss.</summary>
    public double? ValLoss { get; set; }

    /// <summary>Validation accuracy in [0, 1].</summary>
    public double? ValAccuracy { get; set; }

    /// <summary>Wall time of the epoch.</summary>
    public double? Seconds { get; set; }

    /// <summary>Training throughput.</summary>
    public double? ImagesPerSecond { get; set; }
}
