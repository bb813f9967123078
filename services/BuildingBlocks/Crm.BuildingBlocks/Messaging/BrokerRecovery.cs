using System.Collections.Concurrent;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// Brings receive endpoints back as soon as the broker is back. MassTransit 8 reconnects a faulted endpoint on a fixed
/// back-off of 3 s growing to 30 s, which it does not let one configure, so after a 20-second outage consumers could
/// sit idle for half a minute more. While any endpoint is faulted this probes the broker's port every half second,
/// and when it answers, restarts those endpoints, which makes them connect at once.
/// </summary>
internal sealed class BrokerRecovery(Uri broker, ILogger logger) : IReceiveEndpointObserver
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<Uri, IReceiveEndpoint> faulted = new();
    private int probing;

    public Task Ready(ReceiveEndpointReady ready)
    {
        faulted.TryRemove(ready.InputAddress, out _);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faultedEndpoint)
    {
        faulted[faultedEndpoint.InputAddress] = faultedEndpoint.ReceiveEndpoint;
        if (Interlocked.Exchange(ref probing, 1) == 0)
        {
            _ = Task.Run(ProbeUntilBack);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    private async Task ProbeUntilBack()
    {
        try
        {
            while (!faulted.IsEmpty)
            {
                if (await Reachable())
                {
                    foreach (var (address, endpoint) in faulted.ToArray())
                    {
                        faulted.TryRemove(address, out _);
                        logger.LogInformation("Broker is back; restarting receive endpoint {Endpoint}.", address);
                        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                        {
                            await endpoint.Stop(timeout.Token);
                        }

                        var handle = endpoint.Start();
                        await handle.Ready.WaitAsync(TimeSpan.FromSeconds(30));
                        logger.LogInformation("Receive endpoint {Endpoint} is consuming again.", address);
                    }
                }

                await Task.Delay(ProbeEvery);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Restarting receive endpoints after a broker outage failed; MassTransit's own reconnection continues.");
        }
        finally
        {
            Volatile.Write(ref probing, 0);
        }
    }

    private async Task<bool> Reachable()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(broker.Host, broker.Port > 0 ? broker.Port : 5672, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
