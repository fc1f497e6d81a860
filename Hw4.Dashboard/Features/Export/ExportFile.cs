namespace Hw4.Dashboard.Features.Export;

/// <summary>A finished export: the suggested file name, its content type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);
