using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Report;

/// <summary>One run of a seed group.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="BestEpoch">The epoch chosen by validation loss.</param>
/// <param name="Evaluation">Its test evaluation.</param>
public sealed record SeedGroupMember(string RunId, long Seed, int? BestEpoch, EvaluationSummary Evaluation);
