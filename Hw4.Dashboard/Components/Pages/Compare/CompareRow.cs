namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>One run's summary on the compare page.</summary>
public sealed record CompareRow(string Id, string? Model, int Epochs, double? BestValLoss, int? BestEpoch, double? TestAccuracy, double? MeanImagesPerSecond);
