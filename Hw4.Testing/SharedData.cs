namespace Hw4.Testing;

/// <summary>
/// The shared data folder (<c>datasets/cifar10-jpeg.zip</c>, <c>images/parrots-*.png</c>), found as the app finds it
/// (<c>Hw4.Dashboard.Configuration.DataLocator</c>, which a Dashboard test holds to the same answer): <c>HW4_DATA</c>,
/// else the first <c>shared/</c> folder with <c>datasets/</c> or <c>images/</c> beside the test's working directory or
/// its binaries or any of their ancestors (on a fresh clone, <c>../shared</c>). Nothing from it is in the repository,
/// so a test that needs one of its files asks for it through <see cref="Require"/> and is skipped where it is missing.
/// </summary>
public static class SharedData
{
    /// <summary>The environment variable that names the folder.</summary>
    public const string Variable = "HW4_DATA";

    /// <summary>The shared noisy parrot (Kodak image 23 with Gaussian noise, σ = 0.1).</summary>
    public const string NoisyParrots = "images/parrots-noisy.png";

    /// <summary>The clean parrot that <see cref="NoisyParrots"/> was made from.</summary>
    public const string CleanParrots = "images/parrots-clean.png";

    /// <summary>The folder, or null when none is configured or found.</summary>
    public static string? Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
                return Path.GetFullPath(configured);
            foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> (such as <see cref="NoisyParrots"/>) in the folder; throws
    /// <see cref="PrerequisiteMissingException"/>, naming the file and where it was looked for, when it is not there.
    /// </summary>
    public static string Require(string relative)
    {
        var folder = Folder;
        if (folder is null)
        {
            throw new PrerequisiteMissingException(
                $"{relative} from the shared data folder: no shared/ folder beside the checkout (../shared) and {Variable} is not set.");
        }

        var path = Path.Combine(folder, relative);
        if (!File.Exists(path))
            throw new PrerequisiteMissingException($"{relative} from the shared data folder: {path} does not exist.");
        return path;
    }
}
