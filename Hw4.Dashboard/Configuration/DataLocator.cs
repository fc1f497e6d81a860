namespace Hw4.Dashboard.Configuration;

/// <summary>
/// Finds the data folder (holding <c>datasets/</c> and <c>images/</c>): the configured <c>Hw4:DataDir</c>, else the
/// <c>HW4_DATA</c> environment variable, else the first <c>shared/</c> folder found beside the working directory or the
/// app's folder or any of their ancestors (on a fresh clone that is <c>../shared</c>).
/// </summary>
public sealed class DataLocator(string? configuredDataDir, IEnumerable<string> searchRoots)
{
    /// <summary>The CIFAR-10 archive shipped in the shared data folder.</summary>
    public const string CifarZipName = "cifar10-jpeg.zip";

    /// <summary>A locator using <paramref name="options"/>, the environment and the usual search roots.</summary>
    public static DataLocator FromOptions(Hw4Options options) => new(
        string.IsNullOrWhiteSpace(options.DataDir) ? Environment.GetEnvironmentVariable("HW4_DATA") : options.DataDir,
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>The data folder, or null when none is configured or found.</summary>
    public string? DataDir { get; } = Locate(configuredDataDir, searchRoots);

    /// <summary>The <c>datasets/</c> folder, or null.</summary>
    public string? DatasetsDir => Existing(DataDir, "datasets");

    /// <summary>The <c>images/</c> folder, or null.</summary>
    public string? ImagesDir => Existing(DataDir, "images");

    /// <summary>The shared CIFAR-10 zip, or null when absent.</summary>
    public string? CifarArchive => ExistingFile(DatasetsDir, CifarZipName);

    /// <summary>The default noisy image for denoising, or null.</summary>
    public string? NoisyImage => ExistingFile(ImagesDir, "parrots-noisy.png");

    /// <summary>The clean reference of <see cref="NoisyImage"/>, or null.</summary>
    public string? CleanImage => ExistingFile(ImagesDir, "parrots-clean.png");

    /// <summary>Every file under <c>datasets/</c> and <c>images/</c>, for the home page.</summary>
    public IReadOnlyList<string> ListFiles() =>
        new[] { DatasetsDir, ImagesDir }
            .Where(d => d is not null)
            .SelectMany(d => Directory.EnumerateFiles(d!))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? Locate(string? configured, IEnumerable<string> roots)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);

        foreach (var root in roots)
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "datasets")) || Directory.Exists(Path.Combine(candidate, "images")))
                    return candidate;
            }
        }

        return null;
    }

    private static string? Existing(string? parent, string name) =>
        parent is not null && Directory.Exists(Path.Combine(parent, name)) ? Path.Combine(parent, name) : null;

    private static string? ExistingFile(string? parent, string name) =>
        parent is not null && File.Exists(Path.Combine(parent, name)) ? Path.Combine(parent, name) : null;
}
