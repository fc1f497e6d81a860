namespace Hw4.Ml.Data;

/// <summary>Progress of a dataset load: the current stage and how far it has got (units depend on the stage).</summary>
/// <param name="Stage">What is happening: "hashing", "reading", "decoding", "cache-read" or "cache-write".</param>
/// <param name="Done">Units done in this stage (images or bytes).</param>
/// <param name="Total">Units in this stage, or 0 when unknown.</param>
public sealed record DatasetLoadProgress(string Stage, long Done, long Total);
