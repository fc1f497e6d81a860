namespace Hw4.Ml.Data;

/// <summary>Bytes received so far and the expected total (null when the server sends no length).</summary>
/// <param name="BytesReceived">Bytes written to the temporary file so far.</param>
/// <param name="TotalBytes">Content-Length of the response, if known.</param>
public sealed record DownloadProgress(long BytesReceived, long? TotalBytes);
