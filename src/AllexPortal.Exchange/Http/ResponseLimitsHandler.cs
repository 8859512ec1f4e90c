using System.Net;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Errors;
using Microsoft.Extensions.Options;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Innermost handler of the shared pipeline: caps every answer's body at <see cref="AllexClientOptions.MaxResponseBytes"/>
/// and the time to read it at <see cref="AllexClientOptions.ResponseBodyTimeout"/> (the resilience timeouts end when
/// the headers arrive). A declared length over the cap is refused at once; a body that grows over it or trickles in
/// too slowly fails the read with an <see cref="ExchangeApiException"/>, never with what the server sent. A
/// successful answer to a <c>format=csv</c> export must also declare itself as CSV (<c>text/csv</c>), so a page or
/// file of another kind is never handed on as the exchange's export.
/// </summary>
internal sealed class ResponseLimitsHandler(IOptions<AllexClientOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var endpoint = ExchangeErrorTranslation.EndpointOf(request);
        if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
        {
            response.Dispose();
            throw TooLarge(endpoint, settings.MaxResponseBytes);
        }

        if (response.IsSuccessStatusCode && IsCsvExport(request.RequestUri)
            && !string.Equals(response.Content.Headers.ContentType?.MediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            throw new ExchangeApiException(
                ExchangeErrorKind.MalformedResponse,
                $"The answer to {endpoint} is not the CSV file the exchange sends. Check that the base URL points at the exchange's API.",
                endpoint);
        }

        response.Content = new BoundedContent(response.Content, settings.MaxResponseBytes, settings.ResponseBodyTimeout, endpoint);
        return response;
    }

    private static bool IsCsvExport(Uri? uri) =>
        uri?.Query.Split(['?', '&'], StringSplitOptions.RemoveEmptyEntries).Contains("format=csv", StringComparer.OrdinalIgnoreCase) == true;

    internal static ExchangeApiException TooLarge(string endpoint, long limit) => new(
        ExchangeErrorKind.MalformedResponse,
        $"The answer to {endpoint} is larger than this portal accepts ({limit / 1024} KB). Check that the base URL points at the exchange's API.",
        endpoint);

    internal static ExchangeApiException TooSlow(string endpoint, TimeSpan limit) => new(
        ExchangeErrorKind.Timeout,
        $"The answer to {endpoint} did not arrive completely within {limit.TotalSeconds:0} s. The exchange may be slow; try again later.",
        endpoint);

    /// <summary>The exchange's content behind a <see cref="BoundedStream"/>; headers are kept as they were.</summary>
    private sealed class BoundedContent : HttpContent
    {
        private readonly HttpContent inner;
        private readonly long limit;
        private readonly TimeSpan timeout;
        private readonly string endpoint;

        public BoundedContent(HttpContent inner, long limit, TimeSpan timeout, string endpoint)
        {
            this.inner = inner;
            this.limit = limit;
            this.timeout = timeout;
            this.endpoint = endpoint;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new BoundedStream(await inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit, timeout, endpoint);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = inner.Headers.ContentLength ?? 0;
            return inner.Headers.ContentLength is not null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Reads the exchange's body, counting bytes against the cap and every read against one deadline.</summary>
    private sealed class BoundedStream : Stream
    {
        private readonly Stream inner;
        private readonly long limit;
        private readonly TimeSpan timeout;
        private readonly string endpoint;
        private readonly CancellationTokenSource deadline;
        private long read;

        public BoundedStream(Stream inner, long limit, TimeSpan timeout, string endpoint)
        {
            this.inner = inner;
            this.limit = limit;
            this.timeout = timeout;
            this.endpoint = endpoint;
            deadline = new CancellationTokenSource(timeout); // wall-clock on purpose: a test's frozen clock must not stop it
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            int count;
            try
            {
                count = await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw TooSlow(endpoint, timeout);
            }

            read += count;
            return read > limit ? throw TooLarge(endpoint, limit) : count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                deadline.Dispose();
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            deadline.Dispose();
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
