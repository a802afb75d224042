using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace DigestBot.Web;

/// <summary>Stands in for Kestrel when the bot polls and no <c>Urls</c> are set: the bot then opens no port at all.</summary>
internal sealed class NoServer : IServer
{
    public NoServer() => Features.Set<IServerAddressesFeature>(new ServerAddressesFeature());

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
