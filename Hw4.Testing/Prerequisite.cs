using System.Diagnostics;
using Hw4.Testing.Servers;

namespace Hw4.Testing;

/// <summary>
/// Something outside the repository that some tests need: a Debian package or the shared data folder. A test reaches it
/// through <see cref="Require"/> (or a helper that calls it) at the moment it needs it; where it is missing the test is
/// reported skipped with <see cref="Missing"/> as the reason (see <see cref="Xunit.PrerequisiteTestFramework"/>), or fails
/// with it when <see cref="StrictVariable"/> is <c>1</c>, as in <c>.ci/run</c>, which installs everything.
/// </summary>
public sealed class Prerequisite
{
    /// <summary>Set to <c>1</c>, a missing prerequisite fails the test instead of skipping it.</summary>
    public const string StrictVariable = "HW4_REQUIRE_PREREQUISITES";

    /// <summary>The system browser the browser tests drive (Playwright's own download cannot reach the internet here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Debian's interpreter, whose <c>python3-torch</c> the PyTorch checks import (a pyenv shim earlier on PATH may be another Python).</summary>
    public const string PythonPath = "/usr/bin/python3";

    private readonly Lazy<string?> _missing;

    private Prerequisite(string name, Func<string?> check)
    {
        Name = name;
        _missing = new Lazy<string?>(check);
    }

    /// <summary>PostgreSQL's server programs (Debian's <c>postgresql</c>), for the throw-away servers the store tests start.</summary>
    public static Prerequisite PostgreSql { get; } = new("PostgreSQL", PostgresServer.MissingBinaries);

    /// <summary><c>redis-server</c> (Debian's <c>redis-server</c>), for the throw-away servers the team tests start.</summary>
    public static Prerequisite Redis { get; } = new("Redis", RedisServer.MissingBinary);

    /// <summary>Debian's Chromium at <see cref="ChromiumPath"/>.</summary>
    public static Prerequisite Chromium { get; } = new("Chromium", () =>
        ProcessRunner.IsFile(ChromiumPath) ? null : $"{ChromiumPath} is not installed (apt-get install -y chromium).");

    /// <summary>Debian's PyTorch and Pillow under <see cref="PythonPath"/>.</summary>
    public static Prerequisite PyTorch { get; } = new("PyTorch", () =>
        CanImportTorch() ? null : $"{PythonPath} cannot import torch and PIL (apt-get install -y python3-torch python3-pil).");

    /// <summary>True when a missing prerequisite fails the test (<see cref="StrictVariable"/> is <c>1</c>).</summary>
    public static bool Strict => Environment.GetEnvironmentVariable(StrictVariable) == "1";

    /// <summary>What it is.</summary>
    public string Name { get; }

    /// <summary>Null when it is there; else why not and how to get it (checked once per test process).</summary>
    public string? Missing => _missing.Value;

    /// <summary>Returns when it is there; else throws <see cref="PrerequisiteMissingException"/>, which skips the test.</summary>
    public void Require()
    {
        if (Missing is { } reason)
            throw new PrerequisiteMissingException(reason);
    }

    private static bool CanImportTorch()
    {
        if (!ProcessRunner.IsFile(PythonPath))
            return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(PythonPath, ["-c", "import torch, PIL"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });
            if (process is null)
                return false;
            // Importing torch reads a few hundred MB of libraries: slow on a cold, loaded machine, never a minute.
            if (!process.WaitForExit(120_000))
            {
                process.Kill();
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
