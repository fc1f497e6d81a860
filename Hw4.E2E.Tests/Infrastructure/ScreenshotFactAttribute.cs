namespace Hw4.E2E.Tests.Infrastructure;

/// <summary>
/// A test that runs only when <c>HW4_SCREENSHOTS</c> names a folder (e.g. <c>docs/screenshots</c>), so an ordinary test
/// run (and CI) does not rewrite the repository's images; skipped, and saying how to run it, otherwise.
/// </summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    /// <summary>The environment variable naming the folder.</summary>
    public const string Variable = "HW4_SCREENSHOTS";

    /// <summary>Skips unless <see cref="Variable"/> is set.</summary>
    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrEmpty(Folder))
            Skip = $"Saves screenshots only when {Variable} names a folder, e.g. {Variable}=$PWD/docs/screenshots.";
    }

    /// <summary>The folder, or null.</summary>
    public static string? Folder => Environment.GetEnvironmentVariable(Variable);
}
