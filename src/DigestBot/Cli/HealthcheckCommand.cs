using System.CommandLine;
using System.Net;
using System.Net.Security;
using DigestBot.Web;

namespace DigestBot.Cli;

/// <summary>
/// <c>digestbot healthcheck [--url URL]</c>: asks a running bot's <c>/healthz</c> whether it is healthy; exit code 0 when it
/// answers 200, else 1 with one line on stderr. It is the container's health check: the runtime image has no curl.
/// </summary>
public static class HealthcheckCommand
{
    /// <summary>Where the bot listens in the container when <c>Urls</c> is not set.</summary>
    public const string DefaultUrl = "http://localhost:8080" + WebServiceCollectionExtensions.HealthPath;

    public const int UnhealthyExitCode = 1;

    // Shorter than the container's own limit, so the check reports why rather than being killed.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Names that mean "every interface" to Kestrel; the check reaches the bot over loopback instead.
    private static readonly string[] AnyHost = ["+", "*", "[::]", "0.0.0.0", ""];

    public static Command Create()
    {
        var url = new Option<string?>("--url")
        {
            Description = $"The health endpoint to ask; by default /healthz on the first address of Urls, else {DefaultUrl}.",
        };
        var command = new Command("healthcheck", "Exit with 0 when the running bot's /healthz answers 200, else 1 (for container health checks).") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(url) ?? HealthUrl(ListeningUrls());
            return await CheckAsync(target, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The <c>/healthz</c> address of a bot listening on <paramref name="urls"/> (the <c>Urls</c> setting, separated by
    /// <c>;</c>): its first http address, else its first, with a wildcard host taken as localhost.
    /// </summary>
    public static string HealthUrl(string? urls)
    {
        var addresses = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            return DefaultUrl;
        }

        var address = BindingAddress.Parse(
            addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses[0]);
        var host = AnyHost.Contains(address.Host) ? "localhost" : address.Host;
        var pathBase = address.PathBase.TrimEnd('/');
        return $"{address.Scheme}://{host}:{address.Port}{pathBase}{WebServiceCollectionExtensions.HealthPath}";
    }

    private static async Task<int> CheckAsync(string url, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"healthcheck: {url} is not an http or https URL");
            return UnhealthyExitCode;
        }

        using var handler = new SocketsHttpHandler();
        if (uri.IsLoopback)
        {
            // The bot's certificate names its public host, not localhost; like Kubernetes' https probes, a check of
            // the process itself does not verify it.
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        }

        using var http = new HttpClient(handler) { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var body = OneLine(await response.Content.ReadAsStringAsync(cancellationToken));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await output.WriteLineAsync(body);
                return 0;
            }

            await error.WriteLineAsync($"healthcheck: {uri} answered {(int)response.StatusCode}: {body}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"healthcheck: {uri} did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"healthcheck: unable to reach {uri}: {OneLine(ex.Message)}");
        }

        return UnhealthyExitCode;
    }

    /// <summary>
    /// The addresses the bot listens on, read the way its web host reads them: <c>ASPNETCORE_URLS</c>, then
    /// <c>appsettings.json</c>, then <c>Urls</c> in the environment.
    /// </summary>
    private static string? ListeningUrls() => new ConfigurationBuilder()
        .AddEnvironmentVariables("ASPNETCORE_")
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build()[WebServiceCollectionExtensions.UrlsKey];

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 500 ? line : line[..500] + "…";
    }
}
