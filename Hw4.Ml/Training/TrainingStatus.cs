namespace Hw4.Ml.Training;

/// <summary>How a training run ended (or that it has not yet).</summary>
public enum TrainingStatus
{
    /// <summary>Created, not started.</summary>
    Created,

    /// <summary>Training now.</summary>
    Running,

    /// <summary>Every epoch trained.</summary>
    Completed,

    /// <summary>Stopped by cancellation.</summary>
    Cancelled,

    /// <summary>Stopped on a NaN or infinite loss.</summary>
    Diverged,

    /// <summary>Stopped on an error.</summary>
    Failed,
}
