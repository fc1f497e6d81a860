namespace Hw4.Dashboard.Tests.Features.Report;

/// <summary>The test classes that read one set of <see cref="TinyHomeworkRuns"/> (made once: training them takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class TinyHomeworkCollection : ICollectionFixture<TinyHomeworkRuns>
{
    /// <summary>The collection name.</summary>
    public const string Name = "TinyHomeworkRuns";
}
