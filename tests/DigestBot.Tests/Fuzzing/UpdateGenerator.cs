using System.Globalization;
using System.Text;
using DigestBot.Core.Rendering;

namespace DigestBot.Tests.Fuzzing;

/// <summary>One generated entry of a getUpdates answer, written as raw JSON.</summary>
/// <param name="WellFormed">Every field as the Bot API documents it, however hostile its content: the bot must read it.</param>
/// <param name="CallbackQueryId">The id of a well-formed button press, which the bot must answer; null for anything else.</param>
internal sealed record GeneratedUpdate(long UpdateId, string Kind, string Json, bool WellFormed, string? CallbackQueryId);

/// <summary>Generates hostile updates from a seed, as raw JSON the way getUpdates returns them: odd commands and arguments,
/// any Unicode (lone surrogates written as the escapes JSON allows), 5,000-character texts, HTML and search syntax,
/// foreign callback data, unknown update kinds, missing and wrongly typed fields and numbers beyond every integer type.</summary>
internal sealed class UpdateGenerator(int seed)
{
    /// <summary>The bot's username as the fake Bot API's getMe gives it.</summary>
    public const string BotUsername = "digest_bot";

    /// <summary>A private chat that sends one update in forty, enough to run into the flood limit.</summary>
    public const long HotChat = 777;

    private static readonly string[] Commands =
    [
        "start", "help", "language", "latest", "search", "find", "topic", "topics", "subscribe", "unsubscribe", "time", "timezone",
        "settings", "filter", "digest", "schedule", "unschedule", "schedules", "weather", "", "LATEST", "Search", "start_123", "я",
    ];

    private static readonly string[] Suffixes = ["", "", "", "@" + BotUsername, "@DIGEST_BOT", "@OtherBot", "@", "@@" + BotUsername, "@digest_bot_", "@бот"];

    private static readonly string[] OddArguments =
    [
        "-1", "0", "1", "5", "20", "21", "99999999999999999999", "2147483648", "-2147483649", "1e3", "0x10", "٣", "１０", "+5", " 7 ", "5 5",
        "\"", "\"\"", "\"\"\"", "\" \"", "'", "???", "xx", "ru", "KK", "en-US", "de", "@channel", "@", "@" + BotUsername, "-100123456789",
        "25:61", "23:59", "7:5", "00:00", "24:00", "09:00 Mars/Olympus", "09:00 UTC+14", "09:00 UTC-13", "Asia/Almaty", "Etc/GMT+12", "..", "../../etc/passwd",
        "<b>", "</b>", "<b>bold", "&amp;", "&", "&#0;", "&#x110000;", "<a href=\"javascript:alert(1)\">x</a>", "<script>alert(1)</script>", "<i><b></i></b>",
        "NEAR(", "NEAR(a b, 2)", "a AND b", "OR", "NOT", "AND OR NOT", "title:x", "body:", "summary:y", "*", "**", "a*", "^a", "(", ")", "((a)", "a)",
        "\"unbalanced", "{a}", "[a]", "-", "+", "--", "-a", "+a", ":", "a:b:c", "%", "%25", "%3A", "\\", "\\\"", "'; DROP TABLE Articles; --", "NULL", "1=1",
        "clear", "+налог", "-налог", "+" + new string('x', 300), "politics", "политика", "Спорт", "society, sport", "қоғам", "ＡＳＴＡＮＡ",
    ];

    private static readonly string[] UnknownKinds =
    [
        "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer", "chat_member", "chat_join_request",
        "message_reaction", "message_reaction_count", "chat_boost", "removed_chat_boost", "business_connection", "business_message",
        "edited_business_message", "deleted_business_messages", "purchased_paid_media", "some_future_kind", "",
    ];

    private static readonly string[] LanguageCodes = ["ru", "kk", "en", "en", "ru", "de", "ru-RU", "kk-KZ", "EN", "", "zz", "x-klingon", "😀"];

    private static readonly string[] WrongValues =
    [
        "9223372036854775808", "-9223372036854775809", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
        "99999999999999999999999999999999", "2147483648", "-2147483649", "1e400", "-1e400", "1.5", "1e3", "-0", "0.0", "1E+2", "4.9e-324",
        "\"42\"", "\"\"", "\"abc\"", "true", "false", "null", "[]", "[1,2]", "{}", "{\"id\":1}",
    ];

    private readonly Random random = new(seed);
    private bool mutated;
    private bool hostile;

    public int Seed { get; } = seed;

    /// <summary>The next update, with the id given.</summary>
    public GeneratedUpdate Next(long updateId)
    {
        mutated = false;

        // Most updates are well-formed with hostile content; some have broken fields too.
        hostile = random.Next(100) < 12;
        var roll = random.Next(100);
        string kind;
        string body;
        string? callbackId = null;
        if (roll < 45)
        {
            kind = "private message";
            body = Field("message", Message(PrivateChat(), text: true));
        }
        else if (roll < 60)
        {
            kind = "group message";
            body = Field("message", Message(GroupChat(), text: true));
        }
        else if (roll < 80)
        {
            kind = "callback query";
            var id = random.Next(4) == 0 ? Text(random.Next(1, 80)) : "cq-" + updateId.ToString(CultureInfo.InvariantCulture);
            body = Field("callback_query", CallbackQuery(id));
            callbackId = id;
        }
        else if (roll < 85)
        {
            kind = "edit or channel post";
            var field = random.Next(3) switch { 0 => "edited_message", 1 => "channel_post", _ => "edited_channel_post" };
            body = Field(field, Message(random.Next(2) == 0 ? ChannelChat() : PrivateChat(), text: true));
        }
        else if (roll < 90)
        {
            kind = "membership";
            body = Field("my_chat_member", ChatMemberUpdated());
        }
        else if (roll < 96)
        {
            kind = "unknown kind";
            body = Field(Pick(UnknownKinds), random.Next(3) == 0 ? Value() : Object(M("id", Str(Text(10))), M("from", User(random.NextInt64(1, 1_000_000))), M("query", Str(Text(20)))));
        }
        else
        {
            kind = "several kinds or none";
            body = random.Next(2) == 0
                ? ""
                : Field("message", Message(PrivateChat(), text: true)) + "," + Field("callback_query", CallbackQuery("both-" + updateId.ToString(CultureInfo.InvariantCulture)));
        }

        var json = body.Length == 0
            ? $"{{\"update_id\":{updateId}}}"
            : random.Next(10) == 0 ? $"{{{body},\"update_id\":{updateId}}}" : $"{{\"update_id\":{updateId},{body}}}";
        return new GeneratedUpdate(updateId, kind, json, !mutated, kind == "callback query" && !mutated ? callbackId : null);
    }

    /// <summary>A private chat among many, so that the flood limit holds back only the hot one.</summary>
    private (long Id, string Json) PrivateChat()
    {
        var id = random.Next(40) == 0 ? HotChat : random.NextInt64(1, 5_000_000);
        return (id, Object(M("id", Num(id)), M("type", Str("private")), M("first_name", Str(Name())), M("username", Str(Text(random.Next(0, 12))), optional: true)));
    }

    private (long Id, string Json) GroupChat()
    {
        var id = -1_000_000_000_000 - random.NextInt64(0, 300);
        var type = random.Next(3) == 0 ? "group" : "supergroup";
        return (id, Object(M("id", Num(id)), M("type", Str(type)), M("title", Str(Text(random.Next(0, 40)))), M("is_forum", Bool(), optional: true)));
    }

    private (long Id, string Json) ChannelChat()
    {
        var id = -1_000_000_000_000 - random.NextInt64(300, 400);
        return (id, Object(M("id", Num(id)), M("type", Str("channel")), M("title", Str(Text(random.Next(0, 40)))), M("username", Str("chan" + random.Next(100)), optional: true)));
    }

    private string User(long id) => Object(
        M("id", Num(id)),
        M("is_bot", Bool()),
        M("first_name", Str(Name())),
        M("last_name", Str(Text(random.Next(0, 20))), optional: true),
        M("username", Str(Text(random.Next(0, 20))), optional: true),
        M("language_code", Str(Pick(LanguageCodes)), optional: true),
        M("is_premium", Bool(), optional: true));

    private string Message((long Id, string Json) chat, bool text)
    {
        var fromId = chat.Id > 0 ? chat.Id : random.NextInt64(1, 200);
        var members = new List<Member>
        {
            M("message_id", Num(random.Next(1, int.MaxValue))),
            new("from", User(fromId), chat.Id < 0 && random.Next(5) == 0),
            M("chat", chat.Json),
            M("date", Num(1_767_225_600 + random.Next(0, 10_000_000))),
        };
        if (text && random.Next(12) != 0)
        {
            var content = MessageText();
            members.Add(M("text", Str(content)));
            if (random.Next(3) == 0)
            {
                members.Add(M("entities", Entities(content.Length)));
            }
        }
        else
        {
            members.Add(Opt("caption", Str(MessageText())));
            members.Add(Opt("photo", $"[{Object(M("file_id", Str("AgAD")), M("file_unique_id", Str("x")), M("width", Num(90)), M("height", Num(90)))}]"));
        }

        if (random.Next(20) == 0)
        {
            members.Add(M("reply_markup", Keyboard()));
        }

        if (random.Next(30) == 0)
        {
            members.Add(M("migrate_to_chat_id", Num(-1_000_000_000_000 - random.NextInt64(0, 300))));
        }

        if (random.Next(30) == 0)
        {
            members.Add(M("message_thread_id", Num(random.Next(1, 1000))));
            members.Add(M("is_topic_message", "true"));
        }

        if (random.Next(25) == 0)
        {
            members.Add(M("sender_chat", ChannelChat().Json));
        }

        if (random.Next(25) == 0)
        {
            members.Add(M("x_unknown_field", Value()));
        }

        return Object([.. members]);
    }

    private string CallbackQuery(string id)
    {
        var chat = random.Next(4) == 0 ? GroupChat() : PrivateChat();
        var fromId = chat.Id > 0 ? chat.Id : random.NextInt64(1, 200);
        return Object(
            M("id", Str(id)),
            M("from", User(fromId)),
            M("message", Message(chat, text: random.Next(5) != 0), optional: random.Next(10) == 0),
            M("inline_message_id", Str(Text(20)), optional: true),
            M("chat_instance", Str(random.NextInt64().ToString(CultureInfo.InvariantCulture))),
            M("data", Str(CallbackDataText()), optional: random.Next(15) == 0));
    }

    private string ChatMemberUpdated()
    {
        var chat = random.Next(3) switch { 0 => ChannelChat(), 1 => GroupChat(), _ => PrivateChat() };
        string[] statuses = ["creator", "administrator", "member", "restricted", "left", "kicked"];
        string Status()
        {
            if (random.Next(20) != 0)
            {
                return Pick(statuses);
            }

            // Not a status the Bot API knows.
            mutated = true;
            return Pick(["owner", "", "Member"]);
        }

        string Member() => Object(
            M("status", Str(Status())),
            M("user", User(random.Next(3) == 0 ? 99 : random.NextInt64(1, 1000))),
            M("can_post_messages", Bool(), optional: true));
        return Object(
            M("chat", chat.Json),
            M("from", User(random.NextInt64(1, 1000))),
            M("date", Num(1_767_225_600 + random.Next(0, 10_000_000))),
            M("old_chat_member", Member()),
            M("new_chat_member", Member()));
    }

    private string MessageText()
    {
        var roll = random.Next(100);
        if (roll < 55)
        {
            var command = "/" + Pick(Commands) + Pick(Suffixes);
            if (command == "/start" && random.Next(2) == 0)
            {
                // A deep link: t.me/bot?start=<payload>, up to 64 characters of A-Z, a-z, 0-9, _ and -.
                const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
                return command + " " + new string([.. Enumerable.Range(0, random.Next(1, 65)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            }

            return random.Next(4) switch
            {
                0 => command,
                1 => command + " " + Pick(OddArguments),
                2 => command + Pick([" ", "  ", "\t", "\n", "\u00a0", "\u200b"]) + string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick(OddArguments))),
                _ => command + " " + Text(random.Next(0, 120)),
            };
        }

        return roll switch
        {
            < 75 => Text(random.Next(0, 200)),
            < 85 => string.Join(' ', Enumerable.Range(0, random.Next(1, 10)).Select(_ => Pick(OddArguments))),
            < 93 => (random.Next(2) == 0 ? "/" + Pick(["search", "topic", "latest", "filter", "schedule", "language"]) + " " : "") + Text(5_000),
            _ => Pick(["", " ", "/", "//", "/ latest", "@" + BotUsername, "/" + new string('a', 300), "\u202e/latest", "/latest\u0000", "/\u200blatest"]),
        };
    }

    private string CallbackDataText() => random.Next(12) switch
    {
        0 => CallbackData.Build("latest", Number(), Number()),
        1 => CallbackData.Build("topic", Pick(["politics", "sport", "society", "economy", "no-such-topic", ""]), Number()),
        2 => "v1:topics",
        3 => "v1:search:" + Text(random.Next(0, 16)) + ":" + Number(),
        4 => CallbackData.Build("lang", Pick(["ru", "kk", "en", "de", "", "RU"])),
        5 => CallbackData.Build("scope", Pick(["all", "mine", "x", ""])),
        6 => CallbackData.Build("set", Pick(["sub", "unsub", "tz", "time", "x"]), Pick(["Asia/Almaty", "Mars/Olympus", "09:00", "25:00", "", "%"])),
        7 => Pick(["v0:latest:1:5", "v2:latest:1:5", "V1:latest:1:5", "v1:", "v1", "v1::", ":", "v1:LATEST:1:5", "v1:latest:%ZZ:5", "v1:latest:%", "v1:nosuch:1"]),
        8 => new string([.. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (char)random.Next(0x21, 0x7f))]),
        9 => Text(random.Next(60, 200)),
        10 => "v1:latest:" + new string('9', random.Next(10, 80)) + ":5",
        _ => Text(random.Next(0, 64)),
    };

    private string Number() => random.Next(6) switch
    {
        0 => "-1",
        1 => "99999999999999999999",
        2 => "x",
        _ => random.Next(0, 30).ToString(CultureInfo.InvariantCulture),
    };

    private string Entities(int textLength)
    {
        var entities = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Object(
            M("type", Str(Pick(["bot_command", "mention", "url", "text_link", "bold", "custom_emoji", "spoiler", "blockquote", "future_entity"]))),
            M("offset", Num(random.Next(-5, textLength + 5))),
            M("length", Num(random.Next(-1, textLength + 5))),
            M("url", Str(Pick(["https://example.kz", "javascript:alert(1)", "tg://user?id=1", ""])), optional: true)));
        return $"[{string.Join(',', entities)}]";
    }

    private string Keyboard() => Object(M("inline_keyboard", $"[[{Object(M("text", Str(Text(10))), M("callback_data", Str(CallbackDataText())))}]]"));

    private string Name() => random.Next(8) switch
    {
        0 => Text(random.Next(1, 64)),
        1 => Pick(["<b>Admin</b>", "&amp;", "\u202eevil", "Zalgo\u0301\u0302\u0303\u0304\u0305\u0306", "\ud83d\ude00", "", " ", "\u200b"]),
        _ => Pick(["Aigerim", "Болат", "Айгерім", "Dana", "Ержан", "Анна"]),
    };

    /// <summary>Text from every corner of Unicode: scripts, emoji, RTL and zero-width marks, combining marks, controls and lone surrogates.</summary>
    private string Text(int length)
    {
        var text = new StringBuilder(length + 2);
        var style = random.Next(6);
        while (text.Length < length)
        {
            var pick = style == 0 ? random.Next(12) : random.Next(3);
            switch (pick)
            {
                case 0:
                    text.Append(Pick(["Астана ", "Алматы ", "Қазақстан ", "news ", "налог ", "Ассамблея ", "<b>", "</i>", "&amp;", "&lt;", "\"", "*", "NEAR(", " AND ", " OR ", " NOT ", "title:", "(", ")", "^", "-", "+", ":", "'", "\\", "%"]));
                    break;
                case 1:
                    text.Append((char)random.Next(0x20, 0x7f));
                    break;
                case 2:
                    text.Append((char)random.Next(0x400, 0x4ff));
                    break;
                case 3:
                    text.Append(char.ConvertFromUtf32(random.Next(0x1f300, 0x1faff)));
                    break;
                case 4:
                    text.Append((char)random.Next(0x590, 0x6ff));
                    break;
                case 5:
                    text.Append(Pick(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069", "\ufeff", "\u2060", "\u00ad"]));
                    break;
                case 6:
                    text.Append((char)random.Next(0x300, 0x370));
                    break;
                case 7:
                    text.Append((char)random.Next(0, 0x20));
                    break;
                case 8:
                    // A lone surrogate, which JSON can carry only as an escape.
                    text.Append((char)random.Next(0xd800, 0xe000));
                    break;
                case 9:
                    text.Append((char)random.Next(0x4e00, 0x9fff));
                    break;
                case 10:
                    text.Append(Pick(["\ufffd", "\uffff", "\ufffe", "\u0000", "\u2028", "\u2029", "\u0085", "\r\n", "\t"]));
                    break;
                default:
                    text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10ffff) is var c && c is >= 0xd800 and < 0xe000 ? 0x10000 : random.Next(0x10000, 0x10ffff)));
                    break;
            }
        }

        return text.ToString();
    }

    private string Field(string name, string value) => $"{Str(name)}:{value}";

    /// <summary>A JSON object; in a hostile update a member may be dropped or given a value of the wrong type.</summary>
    private string Object(params Member[] members)
    {
        var written = new List<string>(members.Length);
        foreach (var (name, value, optional) in members)
        {
            if (optional && random.Next(2) == 0)
            {
                continue;
            }

            if (hostile && random.Next(12) == 0)
            {
                mutated = true;
                if (random.Next(3) != 0)
                {
                    written.Add(Field(name, Pick(WrongValues)));
                }

                continue;
            }

            written.Add(Field(name, value));
        }

        return "{" + string.Join(',', written) + "}";
    }

    /// <summary>Any JSON value, for fields the bot does not know.</summary>
    private string Value() => random.Next(5) switch
    {
        0 => Pick(WrongValues),
        1 => Str(Text(random.Next(0, 30))),
        2 => $"[{string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(WrongValues)))}]",
        3 => Object(M("a", Pick(WrongValues)), M("b", $"[{Object(M("c", Str(Text(5))))}]")),
        _ => "{}",
    };

    private static Member M(string name, string value, bool optional = false) => new(name, value, optional);

    private static Member Opt(string name, string value) => new(name, value, Optional: true);

    private string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private string Bool() => random.Next(2) == 0 ? "true" : "false";

    /// <summary>A JSON string: escapes chosen at random where JSON allows a choice, lone surrogates as the only escape that can carry them.</summary>
    private string Str(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' || c == '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < 0x20)
            {
                json.Append(c switch { '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", _ => $"\\u{(int)c:x4}" });
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                json.Append(random.Next(3) == 0 ? $"\\u{(int)c:x4}\\u{(int)value[i + 1]:X4}" : value.Substring(i, 2));
                i++;
            }
            else if (char.IsSurrogate(c) || (c > 0x7f && random.Next(5) == 0))
            {
                json.Append($"\\u{(int)c:x4}");
            }
            else if (c == '/' && random.Next(6) == 0)
            {
                json.Append("\\/");
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A member of a JSON object; an optional one is left out half the time.</summary>
    private readonly record struct Member(string Name, string Value, bool Optional = false);
}
