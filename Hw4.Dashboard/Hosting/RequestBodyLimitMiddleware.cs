using Hw4.Dashboard.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Hosting;

/// <summary>
/// Answers an oversized request body with 413 and a JSON problem, whatever endpoint it was sent to and whatever the
/// server: a declared Content-Length over <see cref="Hw4Options.MaxRequestBodyBytes"/> is refused before the
/// endpoint runs, and a chunked body is counted as it is read. Any <see cref="BadHttpRequestException"/> that reaches
/// here (Kestrel's own body limit, a malformed body) becomes a problem response with its status code instead of the
/// HTML error page and a 500.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<Hw4Options> options, ILogger<RequestBodyLimitMiddleware> logger)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    /// <summary>Runs the request with its body bounded.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(request.ContentLength.Value));
            return;
        }

        // Upgraded connections (the Blazor circuit's WebSocket) have no request body to bound.
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var original = request.Body;
        var bounded = new BoundedStream(original, _limit);
        request.Body = bounded;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            logger.LogWarning("Refused {Method} {Path}: {Status} {Reason}", request.Method, request.Path, e.StatusCode, e.Message);
            var detail = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(null) : e.Message;
            await WriteProblemAsync(context, e.StatusCode, detail);
            return;
        }
        finally
        {
            request.Body = original;
        }

        // An endpoint may swallow the read error (minimal APIs log it and stop); the client still learns why.
        if (bounded.Exceeded && !context.Response.HasStarted)
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(null));
    }

    private string TooLarge(long? length) => length is { } declared
        ? $"The request body is {declared:N0} bytes; the limit is {_limit:N0} bytes."
        : $"The request body is over the {_limit:N0}-byte limit.";

    private static Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        // The connection may still hold unread body bytes; closing it spares reading them.
        context.Response.Headers.Connection = "close";
        return Results.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request")
            .ExecuteAsync(context);
    }

    /// <summary>Counts what the endpoint reads and throws 413 once more than the limit has arrived.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(Guard(() => inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Guard(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                Exceeded = true;
                throw new BadHttpRequestException($"The request body is over the {limit:N0}-byte limit.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
