namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>What <c>report</c> prints: the file, its size, how long it took and the runs it used.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Format">html or pdf.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Seconds">Time to build (and print) the report.</param>
/// <param name="Cnn">The CNN run, or null.</param>
/// <param name="Residual">The residual run, or null.</param>
/// <param name="DenoiseL1">The L1 denoising run, or null.</param>
/// <param name="DenoiseL2">The L2 denoising run, or null.</param>
/// <param name="Missing">The parts not run yet.</param>
public sealed record ReportOutput(string Path, string Format, long Bytes, double Seconds, string? Cnn, string? Residual, string? DenoiseL1, string? DenoiseL2, IReadOnlyList<string> Missing);
