namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>One confused test image for the gallery.</summary>
/// <param name="Url">Where the PNG is served.</param>
/// <param name="Caption">"true cat → pred dog (72.4%)".</param>
/// <param name="Index">Index in the test split.</param>
public sealed record ExampleImage(string Url, string Caption, int Index);
