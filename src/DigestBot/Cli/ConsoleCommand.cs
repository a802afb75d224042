using System.CommandLine;
using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Importing;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Cli;

/// <summary><c>digestbot console</c>: chat with the bot's handlers in a terminal, without Telegram.</summary>
public static class ConsoleCommand
{
    private const long ChatId = 1;

    public static Command Create()
    {
        var language = new Option<string>("--lang")
        {
            Description = "The Telegram language of the pretend user: ru, kk or en.",
            DefaultValueFactory = _ => "en",
        };
        language.AcceptOnlyFromAmong("ru", "kk", "en");
        var command = new Command("console", "Chat with the bot in the terminal: type commands; type a button's number to press it.") { language };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The console's one user is the maintainer, who may pipe in a script of commands faster than any flood limit.
            using var host = AppHost.CreateBuilder(
                parse.GetValue(GlobalOptions.Database), quiet: true, new Dictionary<string, string?> { ["Flood:CommandsPerMinute"] = "0" }).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.Services.GetRequiredService<SeedSync>().SyncAsync(cancellationToken);
            var dispatcher = host.Services.GetRequiredService<Dispatcher>();
            var output = parse.InvocationConfiguration.Output;
            var sink = new ConsoleReplies(output);
            var user = new User { Id = ChatId, FirstName = Environment.UserName, LanguageCode = parse.GetValue(language) };
            var chat = new Chat { Id = ChatId, Type = ChatType.Private, FirstName = user.FirstName };

            await output.WriteLineAsync("DigestBot console. Try /start, /latest, /search астана, /topic. Ctrl+D ends.");
            var updateId = 0;
            var messageId = 0;
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var update = sink.TryPress(line, out var button, out var pressedMessageId)
                    ? new Update
                    {
                        Id = ++updateId,
                        CallbackQuery = new CallbackQuery
                        {
                            Id = updateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            From = user,
                            Data = button,
                            Message = new Message { Id = pressedMessageId, Chat = chat, Date = DateTime.UtcNow },
                        },
                    }
                    : new Update
                    {
                        Id = ++updateId,
                        Message = new Message { Id = ++messageId, From = user, Chat = chat, Date = DateTime.UtcNow, Text = line },
                    };
                await dispatcher.DispatchAsync(update, sink, cancellationToken);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Prints replies as plain text, with numbered buttons the maintainer can press by typing the number.</summary>
    private sealed class ConsoleReplies(TextWriter output) : IReplySink
    {
        private readonly List<(int MessageId, string Data)> buttons = [];
        private int sent;

        public bool TryPress(string line, out string data, out int messageId)
        {
            data = "";
            messageId = 0;
            if (!int.TryParse(line.TrimStart('#'), out var number) || number < 1 || number > buttons.Count)
            {
                return false;
            }

            (messageId, data) = buttons[number - 1];
            return true;
        }

        public async Task SendAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken)
        {
            sent++;
            buttons.Clear();
            foreach (var part in MessageSplitter.Split(message.Html))
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(TelegramHtml.ToPlainText(part));
            }

            foreach (var button in (message.Buttons ?? []).SelectMany(row => row))
            {
                buttons.Add((sent, button.CallbackData ?? ""));
                await output.WriteLineAsync($"  [{buttons.Count}] {button.Text}{(button.Url is null ? "" : " " + button.Url)}");
            }
        }

        public Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken cancellationToken)
        {
            if (notice is not null)
            {
                await output.WriteLineAsync($"  ({notice})");
            }
        }
    }
}
