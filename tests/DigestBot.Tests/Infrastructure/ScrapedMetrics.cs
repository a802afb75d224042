using System.Globalization;
using DigestBot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Infrastructure;

/// <summary>What a Prometheus scraper reads from a host's <c>/metrics</c>, also from a host that opens no port.</summary>
internal static class ScrapedMetrics
{
    /// <summary>Calls the <c>/metrics</c> endpoint in process, as Kestrel would for a scraper.</summary>
    public static async Task<string> ScrapeAsync(this IServiceProvider services)
    {
        var endpoint = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == WebServiceCollectionExtensions.MetricsPath);
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = WebServiceCollectionExtensions.MetricsPath;
        context.Response.Body = body;
        await endpoint.RequestDelegate!(context);
        await context.Response.CompleteAsync();
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"{WebServiceCollectionExtensions.MetricsPath} answered {context.Response.StatusCode}");
        }

        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    /// <summary>One sample's value from a scrape, 0 when the counter has no sample with these labels (Prometheus reads absent as not yet counted).</summary>
    /// <remarks>The exporter writes a sample without labels as <c>name{} value</c>.</remarks>
    /// <param name="labels">Label names and values in pairs, e.g. "outcome", "handled"; the sample must have exactly these.</param>
    public static double ValueOf(string scrape, string name, params string[] labels)
    {
        var wanted = string.Join(',', labels.Chunk(2).OrderBy(pair => pair[0], StringComparer.Ordinal).Select(pair => $"{pair[0]}=\"{pair[1]}\""));
        var series = $"{name}{{{wanted}}} ";
        var line = scrape.Split('\n').SingleOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[series.Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The sum of a counter's samples over all their labels.</summary>
    public static double SumOf(string scrape, string name) =>
        scrape.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    /// <inheritdoc cref="ValueOf(string, string, string[])"/>
    public static async Task<double> ValueOfAsync(this IServiceProvider services, string name, params string[] labels) =>
        ValueOf(await services.ScrapeAsync(), name, labels);
}
