using Hw4.Dashboard.Cli.Verbs;

namespace Hw4.Dashboard.Cli;

/// <summary>The one place where verbs are registered.</summary>
public static class CliVerbs
{
    /// <summary>Every verb, in the order <c>--help</c> lists them. Fresh instances each call: verbs hold no state.</summary>
    public static IReadOnlyList<ICliVerb> All() =>
    [
        new TaylorVerb(),
        new DenoiseVerb(),
        new DenoiseSweepVerb(),
        new TrainVerb(),
        new EvaluateVerb(),
        new ExportVerb(),
        new ReportVerb(),
        new HashPasswordVerb(),
        new WorkerVerb(),
        new ReindexVerb(),
    ];
}
