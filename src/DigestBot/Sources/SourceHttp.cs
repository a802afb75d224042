using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace DigestBot.Sources;

/// <summary>The one HTTP client of feeds and pages: polite (User-Agent, one request per host at a time, compressed,
/// conditional), bounded (timeouts, redirects, size) and closed to the bot's own network unless allowed.</summary>
public static class SourceHttp
{
    public const string ClientName = "sources";

    public const int MaxRedirects = 5;

    /// <summary>A longer Retry-After is not waited for in the request: the source is polled again after it instead.</summary>
    public static readonly TimeSpan MaxRetryAfterWait = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSourceHttp(this IServiceCollection services)
    {
        services.AddSingleton<HostGate>();
        services.AddHttpClient(ClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent(sp.GetRequiredService<IOptions<SourcesOptions>>().Value));
                client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");

                // The fetcher's own deadline covers the body as well as the headers.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = MaxRedirects,

                // The address check below must see the real peer of every connection, redirects included.
                UseProxy = false,
                ConnectCallback = new AddressGuard(sp.GetRequiredService<IOptions<SourcesOptions>>().Value).ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("sources", (builder, context) =>
            {
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();

                // A failed fetch is one line of the poller's; Polly would log every attempt with its stack trace.
                builder.ConfigureTelemetry(NullLoggerFactory.Instance)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(1),
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, time.GetUtcNow())),
                    });
            });
        return services;
    }

    public static string UserAgent(SourcesOptions options)
    {
        var version = typeof(SourceHttp).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        return options.ContactUrl is { Length: > 0 } contact ? $"DigestBot/{version} (+{contact})" : $"DigestBot/{version}";
    }

    /// <summary>Dropped connections, 408, 429 and 5xx are tried again; a refused address or a long Retry-After is not.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, DateTimeOffset now)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException && AddressRefusedException.In(exception) is null;
        }

        var response = outcome.Result!;
        var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
        return transient && (RetryAfter(response, now) ?? TimeSpan.Zero) <= MaxRetryAfterWait;
    }

    /// <summary>The wait a 429 or 503 asks for, as a delay or a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
}

/// <summary>Connects only to public addresses, checked after DNS resolution, so that a feed cannot point the bot at its
/// own network; <see cref="SourcesOptions.AllowPrivateAddresses"/> lifts the check.</summary>
internal sealed class AddressGuard(SourcesOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!options.AllowPrivateAddresses && !options.PrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            var allowed = addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
            {
                throw new AddressRefusedException(host, addresses.FirstOrDefault());
            }

            addresses = allowed;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private (RFC 1918, unique local), link-local, multicast, unspecified, shared
    /// (carrier-grade NAT), benchmarking and IETF-reserved addresses, and for IPv6 forms that carry an IPv4 address
    /// (mapped, NAT64, 6to4) when that address is not public; Teredo and the old IPv4-compatible form are refused.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC)
            {
                return false;
            }

            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
            {
                return IsPublic(new IPAddress(b[12..16]));
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsPublic(new IPAddress(b[2..6]));
            }

            // Teredo (2001::/32) tunnels to anywhere; ::/96 is the retired IPv4-compatible form.
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) && !b[..12].All(x => x == 0);
        }

        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 when b[1] is >= 64 and <= 127 => false,
            169 when b[1] == 254 => false,
            172 when b[1] is >= 16 and <= 31 => false,
            192 when b[1] == 168 || (b[1] == 0 && b[2] == 0) => false,
            198 when b[1] is 18 or 19 => false,
            >= 224 => false,
            _ => true,
        };
    }
}

/// <summary>A feed or page that resolved to an address the bot does not connect to.</summary>
public sealed class AddressRefusedException(string host, IPAddress? address) : Exception(
    $"refused: {host} is a private or local address ({address}); set Sources:AllowPrivateAddresses=true (env Sources__AllowPrivateAddresses) to allow it")
{
    public static AddressRefusedException? In(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

/// <summary>One request at a time per host, whoever asks: a site is never hit by the bot's fetches in parallel.</summary>
public sealed class HostGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    public SemaphoreSlim For(string host) => gates.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
}
