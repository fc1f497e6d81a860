using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>A model's runs of one recipe that differ only in seed, and their spread.</summary>
/// <param name="Model">The model.</param>
/// <param name="Members">The runs, by seed.</param>
/// <param name="Spread">Mean ± standard deviation of test accuracy and per-class accuracy over them.</param>
public sealed record SeedGroupReport(ModelKind Model, IReadOnlyList<SeedGroupMember> Members, SeedSpread Spread)
{
    /// <summary>The group of <paramref name="members"/> (at least one).</summary>
    public static SeedGroupReport Of(ModelKind model, IReadOnlyList<SeedGroupMember> members) =>
        new(model, members, SeedSpread.Of([.. members.Select(m => m.Evaluation)]));
}
