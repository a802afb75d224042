using System.Net;
using System.Net.Sockets;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Finds a loopback TCP port that nothing listens on right now.</summary>
internal static class FreePort
{
    /// <summary>How many times a server is restarted on another port when one was taken in the meantime.</summary>
    public const int Attempts = 3;

    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
