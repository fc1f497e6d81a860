using System.Net;
using System.Net.Sockets;

namespace Hw4.Testing.Servers;

/// <summary>Loopback ports for servers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the kernel's pick; another process may take it before we do).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
