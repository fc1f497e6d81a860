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

    /// <summary>A denoising run's norm.</summary>
    Norm,

    /// <summary>A denoising run's smoothness weight α.</summary>
    Alpha,

    /// <summary>A denoising run's learning rate (τ for primal-dual).</summary>
    LearningRate,

    /// <summary>A denoising run's PSNR (highest first).</summary>
    Psnr,

    /// <summary>A training run's completed epochs.</summary>
    Epochs,

    /// <summary>A denoising run's steps done.</summary>
    Steps,
}
