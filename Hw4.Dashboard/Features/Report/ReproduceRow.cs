using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Cli;

namespace Hw4.Dashboard.Features.Report;

/// <summary>One figure of the report, the run it came from and the commands that make it again.</summary>
/// <param name="Figure">The figure, as the report names it.</param>
/// <param name="RunId">Its run, or null (the Taylor check, the whole report).</param>
/// <param name="Versions">Package and runtime versions of the process that ran it.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="Seed">Its seed, or null where none applies.</param>
/// <param name="DatasetHash">The dataset's content hash, or null.</param>
/// <param name="Commands">The commands, in order.</param>
/// <param name="Reproduces">What running them gives again (e.g. "PSNR 31.09 dB").</param>
public sealed record ReproduceRow(
    string Figure,
    string? RunId,
    IReadOnlyDictionary<string, string> Versions,
    string? Device,
    long? Seed,
    string? DatasetHash,
    IReadOnlyList<CliCommandLine> Commands,
    string Reproduces);
