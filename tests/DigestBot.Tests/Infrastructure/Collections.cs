namespace DigestBot.Tests.Infrastructure;

/// <summary>Test classes in this collection share one telegram-test-api emulator for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class TelegramEmulatorCollection : ICollectionFixture<TelegramEmulator>
{
    public const string Name = "Telegram emulator";
}

/// <summary>Test classes in this collection share one PostgreSQL server for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
