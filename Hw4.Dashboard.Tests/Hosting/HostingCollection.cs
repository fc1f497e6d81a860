namespace Hw4.Dashboard.Tests.Hosting;

/// <summary>
/// Tests that start a host run one at a time: WebApplicationFactory hooks host construction process-wide, so a host
/// built by another test at the same moment could be taken over.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostingCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Hosting";
}
