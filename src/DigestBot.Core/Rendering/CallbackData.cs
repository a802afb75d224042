using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DigestBot.Core.Rendering;

/// <summary>The compact payload of an inline button, written as "v1:action:arg:arg" and at most 64 UTF-8 bytes, as Telegram requires.</summary>
/// <remarks>Arguments may hold any text: '%' and ':' inside them are written as "%25" and "%3A".</remarks>
public sealed record CallbackData
{
    /// <summary>Telegram's limit on callback_data.</summary>
    public const int MaxBytes = 64;

    private const string Version = "v1";
    private const int MaxActionLength = 16;

    private CallbackData(string action, IReadOnlyList<string> arguments)
    {
        Action = action;
        Arguments = arguments;
    }

    /// <summary>A short lower-case name such as "latest" or "topic".</summary>
    public string Action { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Builds the callback_data string.</summary>
    /// <exception cref="ArgumentException">The action is not 1–16 of [a-z0-9_-], or the result exceeds <see cref="MaxBytes"/> bytes.</exception>
    public static string Build(string action, params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!IsAction(action))
        {
            throw new ArgumentException($"Callback action '{action}' must be 1–{MaxActionLength} characters of a-z, 0-9, '_' or '-'.", nameof(action));
        }

        var data = new StringBuilder(Version).Append(':').Append(action);
        foreach (var argument in arguments)
        {
            ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
            data.Append(':').Append(argument.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal));
        }

        var text = data.ToString();
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= MaxBytes
            ? text
            : throw new ArgumentException($"Callback data '{text}' is {bytes} UTF-8 bytes; Telegram allows {MaxBytes}.", nameof(arguments));
    }

    /// <summary>Reads data written by <see cref="Build"/>; false for anything else, such as another bot's or a stale format's data.</summary>
    public static bool TryParse(string? data, [NotNullWhen(true)] out CallbackData? callback)
    {
        callback = null;
        if (string.IsNullOrEmpty(data) || data.Length > MaxBytes || Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return false;
        }

        var fields = data.Split(':');
        if (fields.Length < 2 || fields[0] != Version || !IsAction(fields[1]))
        {
            return false;
        }

        var arguments = new string[fields.Length - 2];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!TryUnescape(fields[i + 2], out var argument))
            {
                return false;
            }

            arguments[i] = argument;
        }

        callback = new CallbackData(fields[1], arguments);
        return true;
    }

    /// <summary>The argument at <paramref name="index"/> as an integer, when there is one and it is one.</summary>
    public bool TryGetInt32(int index, out int value)
    {
        value = 0;
        return index >= 0 && index < Arguments.Count
            && int.TryParse(Arguments[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public override string ToString() => Build(Action, Arguments);

    public bool Equals(CallbackData? other) =>
        other is not null && Action == other.Action && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Action);
        foreach (var argument in Arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }

    private static bool IsAction(string action) =>
        action.Length is > 0 and <= MaxActionLength && action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    private static bool TryUnescape(string field, [NotNullWhen(true)] out string? argument)
    {
        argument = null;
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '%')
            {
                text.Append(field[i]);
                continue;
            }

            var code = field.AsSpan(i + 1, Math.Min(2, field.Length - i - 1));
            if (code.Equals("25", StringComparison.Ordinal))
            {
                text.Append('%');
            }
            else if (code.Equals("3A", StringComparison.Ordinal))
            {
                text.Append(':');
            }
            else
            {
                return false;
            }

            i += 2;
        }

        argument = text.ToString();
        return true;
    }
}
