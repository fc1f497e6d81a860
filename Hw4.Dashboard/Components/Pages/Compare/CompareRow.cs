namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>One run's summary on the compare page; <paramref name="Name"/> is its label there (unique among the runs compared).</summary>
public sealed record CompareRow(string Id, string Name, string? Model, int Epochs, double? BestValLoss, int? BestEpoch, double? TestAccuracy, double? MeanImagesPerSecond);
