namespace Hw4.Dashboard.Features.Runs.List;

/// <summary>The runs list columns that can be sorted.</summary>
public enum RunSortColumn
{
    /// <summary>Run id.</summary>
    Id,

    /// <summary>Model name.</summary>
    Model,

    /// <summary>Status.</summary>
    Status,

    /// <summary>Lowest validation loss.</summary>
    BestValLoss,

    /// <summary>Test accuracy.</summary>
    TestAccuracy,

    /// <summary>Creation date.</summary>
    Created,

    /// <summary>Tags (alphabetically by their joined text).</summary>
    Tags,

    /// <summary>The host that trained the run (A→Z; never started last).</summary>
    Host,
}
