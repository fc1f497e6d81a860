
namespace Hw4.Dashboard.Configuration;

/// <summary>Where the index database lives, resolved from <see cref="Hw4Options.Database"/>.</summary>
public static class RunStorePaths
{
    /// <summary>The database file: the configured path, else <c>hw4.db</c> in the per-user app data folder.</summary>
    public static string DatabaseFile(Hw4Options options) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.Database)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Hw4", "hw4.db")
            : options.Database);

    /// <summary>The artifacts folder (the run folders) as an absolute path on this host.</summary>
    public static string ArtifactsDir(Hw4Options options) => Path.GetFullPath(options.ArtifactsDir);

    /// <summary>
    /// The folder of run <paramref name="runId"/> on this host: always <c>&lt;ArtifactsDir&gt;/&lt;runId&gt;</c>, so hosts
    /// that mount the shared folder at different paths agree on every run. Throws <see cref="ArgumentException"/> for an
    /// id that is no single folder name.
    /// </summary>
    public static string RunFolder(Hw4Options options, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (runId is "." or ".." || runId.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"'{runId}' is not a run folder name.", nameof(runId));
        return Path.Combine(ArtifactsDir(options), runId);
    }
}
