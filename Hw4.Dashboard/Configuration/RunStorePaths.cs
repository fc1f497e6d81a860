
namespace Hw4.Dashboard.Configuration;

/// <summary>Where the index database lives, resolved from <see cref="Hw4Options.Database"/>.</summary>
public static class RunStorePaths
{
    /// <summary>The database file: the configured path, else <c>hw4.db</c> in the per-user app data folder.</summary>
    public static string DatabaseFile(Hw4Options options) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.Database)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Hw4", "hw4.db")
            : options.Database);

    /// <summary>The runs folder as an absolute path.</summary>
    public static string RunsDir(Hw4Options options) => Path.GetFullPath(options.RunsDir);
}
