using System.Runtime.InteropServices;

namespace Hw4.Ml.Runtime;

/// <summary>
/// Process-wide OpenMP settings that must be in place before LibTorch (and with it libgomp) is loaded.
/// </summary>
public static class OpenMpSettings
{
    private const string WaitPolicy = "OMP_WAIT_POLICY";

    /// <summary>
    /// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the native environment unless the user set it. LibTorch's OpenMP threads
    /// otherwise spin while waiting; on a 2-core machine shared with other work a spinning thread holds a core that the
    /// other needs, and 200 denoising steps took 25 s instead of 4–6 s (docs/benchmarks.md). Has no effect once torch
    /// has been loaded, and none outside Linux/macOS. Returns true when it set the variable.
    /// </summary>
    public static bool PreferPassiveWait()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable(WaitPolicy) is not null)
            return false;
        // Environment.SetEnvironmentVariable only changes .NET's copy on Unix; libgomp reads the C environment.
        return SetEnv(WaitPolicy, "PASSIVE", 0) == 0;
    }

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks for the whole library.
    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
