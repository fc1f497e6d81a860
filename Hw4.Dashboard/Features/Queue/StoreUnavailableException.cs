namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// The shared store (PostgreSQL) could not be reached, so the queue cannot take or change a run now; the API answers
/// 503 with <c>Retry-After</c>, and nothing was left half done. An <see cref="IOException"/>: the store is reached over
/// the network, and a page that reports a failed write reports this too.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception inner) : IOException(message, inner);
