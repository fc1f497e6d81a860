namespace Hw4.Ml.Tests;

/// <summary>Finds the shared data folder: HW4_DATA, else a <c>shared/</c> folder above the test's working directory.</summary>
internal static class TestData
{
    public static string ImagesDir
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HW4_DATA");
            if (!string.IsNullOrWhiteSpace(configured))
                return Path.Combine(configured, "images");
            foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "shared", "images");
                    if (Directory.Exists(candidate))
                        return candidate;
                }
            }

            throw new InvalidOperationException("No shared/images folder above the test directory; set HW4_DATA to the data folder.");
        }
    }

    public static string NoisyParrots => Path.Combine(ImagesDir, "parrots-noisy.png");

    public static string CleanParrots => Path.Combine(ImagesDir, "parrots-clean.png");
}
