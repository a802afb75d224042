using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DigestBot.Telegram;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DigestBot.TelegramHost;

/// <summary>The URL Telegram posts updates to: checks the secret, queues the update and answers at once.</summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // An update is a few kilobytes; anything near this is not one.
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps POST on <paramref name="path"/>, the path of <c>Telegram:WebhookUrl</c>.</summary>
    public static IEndpointRouteBuilder MapWebhook(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, ReceiveAsync);
        return endpoints;
    }

    internal static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<WebhookOptions> options, WebhookQueue queue)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader], options.Value.WebhookSecret ?? ""))
        {
            return Results.Unauthorized();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        IncomingUpdate update;
        try
        {
            update = await UpdateJson.ReadAsync(context.Request.Body, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException ex)
        {
            return Results.StatusCode(ex.StatusCode);
        }

        // Full, or closed because the bot is stopping: Telegram repeats the call later.
        return queue.TryAccept(update) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Compares digests of equal length in constant time, so neither the secret's bytes nor its length show in the timing.</summary>
    private static bool SecretMatches(string? given, string expected)
    {
        if (given is null || expected.Length == 0)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
