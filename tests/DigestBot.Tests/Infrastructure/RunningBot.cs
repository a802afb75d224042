using System.Text;
using DigestBot.Cli;
using DigestBot.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The real bot host, started as <c>digestbot run</c> starts it, talking to the emulator with a token of its own.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly HostRun run;

    private RunningBot(TelegramEmulator emulator, TempFolder folder, string token, TimeProvider? time, IDictionary<string, string?>? settings)
    {
        Emulator = emulator;
        Folder = folder;
        Token = token;
        var all = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = token,
            ["Telegram:ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
            ["Seeds:Path"] = RepositoryPaths.Seeds,
            ["Seeds:Watch"] = "false",
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            ["Sources:CatalogPath"] = folder.File("sources.json"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        run = new HostRun(RunCommand.BuildHost(folder.File("bot.db"), all,
        builder =>
        {
            EmulatorAnswers.AddTo(builder.Services);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        }));
    }

    public TelegramEmulator Emulator { get; }

    public TempFolder Folder { get; }

    public string Token { get; }

    /// <param name="time">The host's clock; the system's by default.</param>
    /// <param name="settings">Settings on top of the test defaults.</param>
    /// <param name="folder">The bot's folder (database, sources file), when the test fills it first.</param>
    public static RunningBot Start(TelegramEmulator emulator, TimeProvider? time = null, IDictionary<string, string?>? settings = null, TempFolder? folder = null) =>
        new(emulator, folder ?? new TempFolder(), TelegramEmulator.CreateBotToken(), time, settings);

    public EmulatedUser CreateUser(string? languageCode) => Emulator.CreateUser(languageCode, Token);

    /// <summary>Sends a command and waits for the bot's replies, checking each is valid Telegram HTML within the limits.</summary>
    public static async Task<IReadOnlyList<BotMessage>> AskAsync(EmulatedUser user, string command, int replies = 1, EmulatedChat? chat = null)
    {
        await user.SendCommandAsync(command, chat);
        return Checked(await user.WaitForBotRepliesAsync(replies, TimeSpan.FromSeconds(30), chat));
    }

    public static async Task<IReadOnlyList<BotMessage>> PressAsync(EmulatedUser user, BotMessage message, string callbackData, int replies = 1)
    {
        await user.PressButtonAsync(message, callbackData);
        return Checked(await user.WaitForBotRepliesAsync(replies, TimeSpan.FromSeconds(30)));
    }

    public static IReadOnlyList<BotMessage> Checked(IReadOnlyList<BotMessage> messages)
    {
        foreach (var message in messages)
        {
            message.Text.Should().NotBeNullOrEmpty();
            message.ParseMode.Should().BeEquivalentTo("HTML", "Telegram reads the parse mode in any case");
            var (valid, error) = TelegramHtmlValidator.Validate(message.Text!);
            valid.Should().BeTrue($"every reply is valid Telegram HTML, but {error}: {message.Text}");
            message.Text!.Length.Should().BeLessThanOrEqualTo(TelegramHtml.MaxMessageLength);
            foreach (var button in message.Buttons.Where(b => b.CallbackData is not null))
            {
                Encoding.UTF8.GetByteCount(button.CallbackData!).Should().BeLessThanOrEqualTo(64);
            }
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await run.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
