namespace Hw4.Dashboard.Features.Report;

/// <summary>The homework's training recipe, which the report's missing runs are queued with.</summary>
public static class HomeworkRecipe
{
    /// <summary>Epochs per training run.</summary>
    public const int Epochs = 15;

    /// <summary>The seed of every run.</summary>
    public const long Seed = 0;
}
