using Xunit.Abstractions;
using Xunit.Sdk;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The telegram-test-api emulator as an xunit fixture: started once for a test collection, stopped after it.</summary>
public sealed class TelegramEmulator(IMessageSink diagnostics)
    : TelegramEmulatorProcess(message => diagnostics.OnMessage(new DiagnosticMessage(message))), IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    public Task DisposeAsync() => StopAsync();
}
