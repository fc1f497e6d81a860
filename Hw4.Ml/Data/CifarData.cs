namespace Hw4.Ml.Data;

/// <summary>A loaded CIFAR-style dataset: the official train and test sets plus where they came from.</summary>
/// <param name="Train">The training images (50,000 for CIFAR-10); split off validation with <see cref="DatasetSplitter"/>.</param>
/// <param name="Test">The test images (10,000 for CIFAR-10).</param>
/// <param name="SourceHash">Lower-case hex SHA-256 of the source's content (for a directory, of its files' paths and bytes).</param>
/// <param name="Source">Full path of the file or directory that was loaded.</param>
/// <param name="Format">The layout the source was read as.</param>
/// <param name="FromCache">True when the images came from the decoded cache rather than the source.</param>
public sealed record CifarData(
    ImageSet Train,
    ImageSet Test,
    string SourceHash,
    string Source,
    DatasetFormat Format,
    bool FromCache)
{
    /// <summary>Class names, indexed by label (shared by train and test).</summary>
    public IReadOnlyList<string> Classes => Train.Classes;
}
