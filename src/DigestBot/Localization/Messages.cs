namespace DigestBot.Localization;

/// <summary>Marks the resource files Messages.resx (English), Messages.ru.resx and Messages.kk.resx.</summary>
public sealed class Messages;
