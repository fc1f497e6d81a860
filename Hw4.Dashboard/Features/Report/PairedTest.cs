using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Report;

/// <summary>McNemar's test of a CNN run against a residual run on the same test images.</summary>
/// <param name="CnnRun">The CNN run (the test's first classifier).</param>
/// <param name="CnnSeed">Its seed.</param>
/// <param name="ResidualRun">The residual run (the second).</param>
/// <param name="ResidualSeed">Its seed.</param>
/// <param name="Result">Counts and p-value.</param>
public sealed record PairedTest(string CnnRun, long CnnSeed, string ResidualRun, long ResidualSeed, McNemarResult Result);
