using System.Globalization;
using Hw4.Ml.Denoising;
using Hw4.Ml.Training;

namespace Hw4.Ml.Recipes;

/// <summary>
/// What the homework asks a run to be, and how a run departs from it. Training: the seed's recipe, which is
/// <see cref="TrainerOptions"/>' defaults (15 epochs on all training images, Adam 1e-4, batch 64, augmentation, 5,000
/// validation images; any seed). Denoising: the settings of the preset the report's part stands for.
/// </summary>
public static class HomeworkRecipe
{
    private static readonly TrainerOptions Recipe = new();

    /// <summary>The homework's training recipe for <paramref name="model"/> with <paramref name="seed"/>.</summary>
    public static TrainerOptions Training(Models.ModelKind model, long seed = 0) => Recipe with { Model = model, Seed = seed };

    /// <summary>
    /// The settings in which <paramref name="options"/> is not the homework's recipe (the seed, threads, device and
    /// progress interval are free); empty when it is the recipe.
    /// </summary>
    public static IReadOnlyList<RecipeDifference> Differences(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var differences = new List<RecipeDifference>();
        if (options.Epochs != Recipe.Epochs)
            differences.Add(new("epochs", Text(options.Epochs), Text(Recipe.Epochs)));
        if (options.Limit != Recipe.Limit)
            differences.Add(new("limit", $"{Text(options.Limit ?? 0)} training images", "all"));
        if (options.LearningRate != Recipe.LearningRate)
            differences.Add(new("lr", Text(options.LearningRate), Text(Recipe.LearningRate)));
        if (options.BatchSize != Recipe.BatchSize)
            differences.Add(new("batch size", Text(options.BatchSize), Text(Recipe.BatchSize)));
        if (options.Augment != Recipe.Augment)
            differences.Add(new("augmentation", options.Augment ? "on" : "off", Recipe.Augment ? "on" : "off"));
        if (options.ValidationSize != Recipe.ValidationSize)
            differences.Add(new("validation images", Text(options.ValidationSize), Text(Recipe.ValidationSize)));
        return differences;
    }

    /// <summary>The settings in which <paramref name="options"/> differs from <paramref name="expected"/> (reporting and preview settings are free).</summary>
    public static IReadOnlyList<RecipeDifference> Differences(DenoiseOptions options, DenoiseOptions expected)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(expected);
        var differences = new List<RecipeDifference>();
        if (options.Norm != expected.Norm)
            differences.Add(new("norm", options.Norm.ToString().ToLowerInvariant(), expected.Norm.ToString().ToLowerInvariant()));
        if (options.Optimizer != expected.Optimizer)
            differences.Add(new("optimizer", options.Optimizer.ToString().ToLowerInvariant(), expected.Optimizer.ToString().ToLowerInvariant()));
        if (options.Lr != expected.Lr)
            differences.Add(new("lr", Text(options.Lr), Text(expected.Lr)));
        if (options.Alpha != expected.Alpha)
            differences.Add(new("alpha", Text(options.Alpha), Text(expected.Alpha)));
        if (options.Steps != expected.Steps)
            differences.Add(new("steps", Text(options.Steps), Text(expected.Steps)));
        return differences;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
