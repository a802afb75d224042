using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A news site on loopback (Kestrel) serving feeds and pages, as a real site would: compressed when asked,
/// answering conditional GETs, with whatever faults a test scripts on a path.</summary>
public sealed class NewsSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SiteRequest> requests = new();

    static NewsSite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private NewsSite()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "application/rss+xml", "application/atom+xml", "application/feed+json", "application/xml", "text/xml"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            finally
            {
                requests.Enqueue(new SiteRequest(
                    context.Request.Path + context.Request.QueryString,
                    context.Request.Headers.UserAgent.ToString(),
                    context.Request.Headers.AcceptEncoding.ToString(),
                    context.Request.Headers.IfNoneMatch.ToString(),
                    context.Response.StatusCode,
                    context.Response.Headers.ContentEncoding.ToString()));
            }
        });
        app.UseResponseCompression();
        app.Run(context => routes.TryGetValue(context.Request.Path.Value ?? "/", out var route)
            ? route(context)
            : NotFound(context));
    }

    /// <summary>The site's root without a trailing slash, e.g. http://127.0.0.1:50123, known once it listens.</summary>
    public string Base { get; private set; } = "";

    public IReadOnlyList<SiteRequest> Requests => [.. requests];

    public static async Task<NewsSite> StartAsync()
    {
        var site = new NewsSite();
        await site.app.StartAsync();
        site.Base = site.app.Urls.Single().TrimEnd('/');
        return site;
    }

    public string Url(string path) => Base + path;

    /// <summary>Serves <paramref name="text"/> at <paramref name="path"/> with <c>{{base}}</c> replaced by the site's root,
    /// in UTF-8 unless another charset is named; an ETag makes the path answer If-None-Match with 304.</summary>
    public void Serve(string path, string text, string contentType, string charset = "utf-8", string? etag = null)
    {
        var encoding = Encoding.GetEncoding(charset);
        var body = encoding.GetBytes(text.Replace("{{base}}", Base, StringComparison.Ordinal));
        routes[path] = async context =>
        {
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.LastModified = "Mon, 30 Nov 2026 09:00:00 GMT";
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            context.Response.ContentType = $"{contentType}; charset={charset}";
            await context.Response.Body.WriteAsync(body);
        };
    }

    /// <summary>Serves a fixture file, its type taken from its extension.</summary>
    public void ServeFixture(string path, string fixture, string charset = "utf-8", string? etag = null) =>
        Serve(path, File.ReadAllText(SourceFixtures.PathOf(fixture)), ContentTypeOf(fixture), charset, etag);

    /// <summary>Answers <paramref name="path"/> however the test likes: a status, a delay, a redirect, endless bytes.</summary>
    public void Route(string path, Func<HttpContext, Task> route) => routes[path] = route;

    /// <summary>Redirects <paramref name="path"/> to <paramref name="location"/> with 302.</summary>
    public void Redirect(string path, string location) => Route(path, context =>
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public int CountRequests(string path) => requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static string ContentTypeOf(string fixture) => Path.GetExtension(fixture) switch
    {
        ".html" => "text/html",
        ".json" => "application/feed+json",
        _ => "application/rss+xml",
    };

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsync("<html><body><h1>404</h1><p>Страница не найдена</p></body></html>");
    }
}

/// <summary>One request the site got, with the headers the tests look at.</summary>
public sealed record SiteRequest(string Path, string UserAgent, string AcceptEncoding, string IfNoneMatch, int Status, string ContentEncoding);
