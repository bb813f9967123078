using System.Net;
using System.Net.Sockets;

namespace Crm.Testing;

/// <summary>
/// A TCP proxy on loopback that stands between the platform's processes and one server (PostgreSQL, RabbitMQ), so a
/// test can take that server away from this platform alone while other test runs keep using it: <see cref="CutAsync"/>
/// resets every open connection and refuses new ones (what clients see when the server stops), <see cref="Restore"/>
/// accepts again. The same idea as Toxiproxy, which cannot be installed here; this is the smallest piece that does it.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<(TcpClient Client, TcpClient Server)> connections = [];
    private readonly CancellationTokenSource disposed = new();
    private TcpListener? listener;

    public FaultProxy(string targetHost, int targetPort)
    {
        target = new IPEndPoint(IPAddress.Parse(targetHost == "localhost" ? "127.0.0.1" : targetHost), targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    public int Port { get; }

    public bool IsCut => listener is null;

    /// <summary>Resets every proxied connection and refuses new ones until <see cref="Restore"/>.</summary>
    public Task CutAsync()
    {
        lock (connections)
        {
            listener?.Stop();
            listener = null;
            foreach (var (client, server) in connections)
            {
                Reset(client);
                Reset(server);
            }

            connections.Clear();
        }

        return Task.CompletedTask;
    }

    public void Restore()
    {
        lock (connections)
        {
            if (listener is not null)
            {
                return;
            }

            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _ = AcceptLoop(listener);
        }
    }

    private async Task AcceptLoop(TcpListener current)
    {
        while (!disposed.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await current.AcceptTcpClientAsync(disposed.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(target, disposed.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                Reset(client);
                server.Dispose();
                continue;
            }

            lock (connections)
            {
                if (!ReferenceEquals(listener, current))
                {
                    // Cut while this connection was being made.
                    Reset(client);
                    Reset(server);
                    continue;
                }

                connections.Add((client, server));
            }

            _ = Pump(client, server);
            _ = Pump(server, client);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Reset(from);
            Reset(to);
        }
    }

    /// <summary>Closes with RST rather than FIN, as a server that went away leaves its clients.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            client.Dispose();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        await CutAsync();
        disposed.Dispose();
    }
}
