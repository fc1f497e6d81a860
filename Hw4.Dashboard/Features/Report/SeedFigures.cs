using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The numbers the seed homework reported, the one place they are written down: the report's "seed" column and the
/// results document read them from here.
/// </summary>
public static class SeedFigures
{
    /// <summary>The epoch of lowest validation loss the seed chose (for both models).</summary>
    public const int ChosenEpoch = 14;

    /// <summary>The seed's test accuracy of the worst class taken for another: cat predicted as dog.</summary>
    public const double CatTakenForDog = 0.243;

    /// <summary>Dog predicted as cat.</summary>
    public const double DogTakenForCat = 0.132;

    /// <summary>The seed's answer to "is L2 better than L1?".</summary>
    public const string L2Verdict = "not better";

    /// <summary>The seed's per-class test accuracy (its CNN), in CIFAR-10's label order.</summary>
    public static IReadOnlyList<(string Class, double Accuracy)> PerClass { get; } =
    [
        ("airplane", 0.671), ("automobile", 0.645), ("bird", 0.495), ("cat", 0.342), ("deer", 0.471),
        ("dog", 0.566), ("frog", 0.633), ("horse", 0.725), ("ship", 0.794), ("truck", 0.789),
    ];

    /// <summary>The seed's overall test accuracy of <paramref name="model"/>: 0.613 (CNN), 0.635 (residual).</summary>
    public static double Accuracy(ModelKind model) => model == ModelKind.Residual ? 0.635 : 0.613;

    /// <summary>The seed's accuracy of <paramref name="className"/>, or null for a class it does not list.</summary>
    public static double? ClassAccuracy(string className) =>
        PerClass.FirstOrDefault(p => p.Class == className) is { Class: not null } hit ? hit.Accuracy : null;

    /// <summary>The seed's share of <paramref name="trueClass"/>'s test images predicted as <paramref name="predicted"/>, where it reported one.</summary>
    public static double? Confusion(string trueClass, string predicted) => (trueClass, predicted) switch
    {
        ("cat", "dog") => CatTakenForDog,
        ("dog", "cat") => DogTakenForCat,
        _ => null,
    };
}
