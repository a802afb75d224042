using System.Net;
using DigestBot.Core.Importing;
using DigestBot.Telemetry;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace DigestBot.Sources;

/// <summary>What a GET of a feed or page gave.</summary>
/// <param name="Text">The decoded body; null for a 304.</param>
/// <param name="Url">Where the body came from, after redirects.</param>
public sealed record FetchResult(bool NotModified, string? Text, Uri Url, string? ETag, string? LastModified, long Bytes);

/// <summary>A fetch that gave nothing to read, with one line saying why.</summary>
/// <param name="RetryAfter">How long the server asked to be left alone (429, 503), if it said.</param>
public sealed class FetchFailedException(string reason, TimeSpan? retryAfter = null) : Exception(reason)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>GETs feeds and pages through the sources client: conditional, one request per host at a time, bounded in
/// time and size, decoded by the charset of the header, then the page, then the BOM, then Windows-1251.</summary>
public sealed class SourceFetcher(IHttpClientFactory clients, HostGate gate, IOptions<SourcesOptions> options, BotMetrics metrics)
{
    /// <exception cref="FetchFailedException">Nothing could be read: the reason is one line.</exception>
    public async Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw Failed($"refused: only http and https addresses are fetched, not {url.Scheme}");
        }

        var limits = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        var host = gate.For(url.IdnHost);
        await host.WaitAsync(cancellationToken);
        try
        {
            return await SendAsync(url, etag, lastModified, limits, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed($"timed out after {limits.Timeout:c}");
        }
        catch (TimeoutRejectedException)
        {
            throw Failed($"timed out after {limits.Timeout:c}");
        }
        catch (HttpRequestException ex)
        {
            throw Failed(AddressRefusedException.In(ex)?.Message ?? $"unable to connect: {Innermost(ex).Message.TrimEnd('.')}");
        }
        finally
        {
            host.Release();
        }
    }

    private async Task<FetchResult> SendAsync(Uri url, string? etag, string? lastModified, SourcesOptions limits, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await clients.CreateClient(SourceHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var finalUrl = response.RequestMessage?.RequestUri ?? url;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            metrics.SourceFetched("not_modified", 0);
            return new FetchResult(true, null, finalUrl, etag, lastModified, 0);
        }

        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw Failed(response.Headers.Location is null
                ? $"HTTP {(int)response.StatusCode} without a Location"
                : $"too many redirects (more than {SourceHttp.MaxRedirects}), the last to {response.Headers.Location}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), SourceHttp.RetryAfter(response));
        }

        if (response.Content.Headers.ContentLength > limits.MaxBytes)
        {
            throw Failed($"too large: {response.Content.Headers.ContentLength:N0} bytes, Sources:MaxBytes is {limits.MaxBytes:N0}");
        }

        var body = await ReadCappedAsync(response.Content, limits.MaxBytes, cancellationToken);
        metrics.SourceFetched("ok", body.Length);
        var text = WebText.DecodeWeb(body, response.Content.Headers.ContentType?.CharSet);
        return new FetchResult(
            false,
            text,
            finalUrl,
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"),
            body.Length);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes after decompression; a server may lie about the length or send none.</summary>
    private async Task<byte[]> ReadCappedAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw Failed($"too large: more than Sources:MaxBytes ({max:N0} bytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private FetchFailedException Failed(string reason, TimeSpan? retryAfter = null)
    {
        metrics.SourceFetched("failed", 0);
        return new FetchFailedException(reason, retryAfter);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
