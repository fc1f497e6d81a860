namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>One setting of a run as shown on its page, e.g. <c>config.learning_rate</c> = <c>0.0001</c>.</summary>
public sealed record ConfigRow(string Key, string Value);
