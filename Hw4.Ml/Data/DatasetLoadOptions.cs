namespace Hw4.Ml.Data;

/// <summary>Options for <see cref="DatasetLoader.Load"/>.</summary>
public sealed record DatasetLoadOptions
{
    /// <summary>
    /// Where decoded datasets are cached. Null means <see cref="DefaultCacheDirectory"/>. Never beside the source,
    /// which may be read-only (the shared data folder is in CI).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether to read and write the decoded cache (default true).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// For .npz sources, which hold one array: how many of the last images form the test set (default 10,000, as in the
    /// official split). Ignored by formats that carry their own train/test split.
    /// </summary>
    public int? TestSize { get; init; }

    /// <summary>Threads used to decode images; null means all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>$XDG_CACHE_HOME/hw4, else ~/.cache/hw4 (the local application-data folder on Windows).</summary>
    public static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
            return Path.Combine(xdg, "hw4");
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "hw4", "cache");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hw4");
    }

    internal string ResolvedCacheDirectory => CacheDirectory ?? DefaultCacheDirectory();

    internal int ResolvedParallelism => Math.Max(1, MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
