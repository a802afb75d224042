using System.Net;
using DigestBot.Core.Importing;
using DigestBot.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>What a GET of a feed or page gave.</summary>
/// <param name="Text">The decoded body; null for a 304.</param>
/// <param name="Url">Where the body came from, after redirects.</param>
public sealed record FetchResult(bool NotModified, string? Text, Uri Url, string? ETag, string? LastModified);

/// <summary>A fetch that gave nothing to read, with one line saying why.</summary>
/// <param name="RetryAfter">How long the server asked to be left alone (429, 503), if it said.</param>
public sealed class FetchFailedException(string reason, TimeSpan? retryAfter = null) : Exception(reason)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>GETs feeds and pages through the sources client: conditional, one request per host at a time, bounded in
/// time and size, and decoded (<see cref="WebText.DecodeWeb"/>: the BOM, the header's charset, the page's, UTF-8, Windows-1251).</summary>
public sealed class SourceFetcher(IHttpClientFactory clients, HostGate gate, IOptions<SourcesOptions> options, BotMetrics metrics, TimeProvider time)
{
    /// <exception cref="FetchFailedException">Nothing could be read: the reason is one line.</exception>
    public async Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw Failed($"refused: only http and https addresses are fetched, not {url.Scheme}");
        }

        var limits = options.Value;
        var host = gate.For(url.IdnHost);
        await host.WaitAsync(cancellationToken);

        // The clock starts with the host's turn: pages queued behind their siblings have not been sent yet.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        try
        {
            return await SendAsync(url, etag, lastModified, limits, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed($"timed out after {limits.Timeout:c}");
        }
        catch (HttpRequestException ex)
        {
            throw Failed(AddressRefusedException.In(ex)?.Message ?? $"unable to connect: {Innermost(ex).Message.TrimEnd('.')}");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // A connection dropped mid-body (HttpIOException), a corrupt gzip or brotli stream.
            throw Failed($"unable to read the body: {Innermost(ex).Message.TrimEnd('.')}");
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
        if (response.StatusCode == HttpStatusCode.NotModified && etag is null && lastModified is null)
        {
            throw Failed("HTTP 304 Not Modified to a request that was not conditional");
        }

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            metrics.SourceFetched("not_modified", 0);
            return new FetchResult(true, null, finalUrl, etag, lastModified);
        }

        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw Failed(RedirectFailure(finalUrl, response.Headers.Location));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), SourceHttp.RetryAfter(response, time.GetUtcNow()));
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
            response.Content.Headers.LastModified?.ToString("R"));
    }

    /// <summary>The handler follows at most <see cref="SourceHttp.MaxRedirects"/> redirects, and none from https to http
    /// or to another scheme: such a one comes back as it is.</summary>
    private static string RedirectFailure(Uri from, Uri? location)
    {
        if (location is null)
        {
            return "a redirect without a Location";
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        return target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps
            ? $"refused: a redirect to {target.Scheme}: ({target})"
            : from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp
                ? $"refused: a redirect from https to http ({target})"
                : $"too many redirects (more than {SourceHttp.MaxRedirects}), the last to {target}";
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
