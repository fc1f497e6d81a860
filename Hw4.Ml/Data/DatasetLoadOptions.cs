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

    /// <summary>
    /// Largest size of one file or archive member once decompressed, and of one array (default 192 MiB; CIFAR-10's
    /// largest, the 60,000-image X array of the .npz, is 176 MiB). A larger declared size is refused before anything is
    /// allocated or inflated. At most <see cref="Array.MaxLength"/>.
    /// </summary>
    public long MaxMemberBytes { get; init; } = DefaultMaxMemberBytes;

    /// <summary>
    /// Largest total of decompressed bytes read from one source, every member counted (skipped ones included), and
    /// largest decoded image payload (images × 3,072 bytes). Default 384 MiB: all of CIFAR-10 is about 176 MiB in any
    /// supported layout.
    /// </summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;

    /// <summary>Default of <see cref="MaxMemberBytes"/>: 192 MiB.</summary>
    public const long DefaultMaxMemberBytes = 192L << 20;

    /// <summary>Default of <see cref="MaxTotalBytes"/>: 384 MiB.</summary>
    public const long DefaultMaxTotalBytes = 384L << 20;

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

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a cap outside 1..<see cref="Array.MaxLength"/> (member) or below 1 (total).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMemberBytes, 1, nameof(MaxMemberBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMemberBytes, Array.MaxLength, nameof(MaxMemberBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalBytes, 1, nameof(MaxTotalBytes));
    }

    internal int ResolvedParallelism => Math.Max(1, MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
