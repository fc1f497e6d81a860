using System.Diagnostics;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>
/// A fact that needs Debian's PyTorch (<c>apt-get install python3-torch python3-pil</c>) under <see cref="Python"/>.
/// Skipped with the reason where it is missing, except under CI (<c>CI=true</c>), where .ci/run installs it and a
/// missing PyTorch must fail the test instead of hiding it.
/// </summary>
public sealed class PyTorchFactAttribute : FactAttribute
{
    /// <summary>Debian's interpreter (a pyenv shim earlier on PATH may be another Python without torch).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Skips the test when torch and PIL cannot be imported, outside CI.</summary>
    public PyTorchFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !Importable())
            Skip = $"{Python} cannot import torch and PIL (apt-get install -y python3-torch python3-pil).";
    }

    private static bool Importable()
    {
        if (!File.Exists(Python))
            return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch, PIL"]) { RedirectStandardError = true, RedirectStandardOutput = true });
            if (process is null || !process.WaitForExit(60_000))
                return false;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
