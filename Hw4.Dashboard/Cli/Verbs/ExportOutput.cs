namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>The result of <c>export --json</c>.</summary>
/// <param name="Path">The file written.</param>
/// <param name="SuggestedName">The name the download endpoint gives the same export.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Bytes">Its size.</param>
public sealed record ExportOutput(string Path, string SuggestedName, string ContentType, long Bytes);
