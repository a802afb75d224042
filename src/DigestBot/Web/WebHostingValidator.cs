using DigestBot.TelegramHost;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>Checks what webhook mode needs of the host beyond the Telegram section: an address to listen on, and a path of its own.</summary>
internal sealed class WebHostingValidator(IConfiguration configuration) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (options.ModeKind != UpdateMode.Webhook)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration[WebServiceCollectionExtensions.UrlsKey]))
        {
            failures.Add(
                "Urls (env Urls or ASPNETCORE_URLS) must be set when Telegram:Mode (env Telegram__Mode) is Webhook: " +
                "where the bot listens for Telegram's calls, such as http://0.0.0.0:8080 behind an https proxy");
        }

        if (Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) && WebServiceCollectionExtensions.ReservedPaths.Contains(url.AbsolutePath, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Telegram:WebhookUrl (env Telegram__WebhookUrl) must not end in {url.AbsolutePath}: that path serves the bot's own {url.AbsolutePath[1..]}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
