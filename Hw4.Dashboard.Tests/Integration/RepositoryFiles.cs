namespace Hw4.Dashboard.Tests.Integration;

/// <summary>Files of the checkout the tests run from (found by walking up from the test binaries to <c>Hw4.sln</c>).</summary>
public static class RepositoryFiles
{
    /// <summary>The checkout's root folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hw4.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no Hw4.sln above {AppContext.BaseDirectory}");
    }
}
