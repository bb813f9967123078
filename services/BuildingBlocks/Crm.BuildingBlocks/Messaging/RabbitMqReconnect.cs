using System.Reflection;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// Makes MassTransit try to reconnect to RabbitMQ about every second while the broker is away (its receive transport
/// pauses a fixed second after each failure, then this policy's 100 ms), instead of backing off to 30 s: after a
/// 20-second outage its own policy (3 s growing to 30 s) left consumers idle for half a minute more.
/// MassTransit 8 does not let one configure that policy, so this replaces it on the host configuration by reflection,
/// the smallest piece that does it. The package version is pinned exactly, and the bus refuses to start if the field
/// it sets is not there, so an upgrade cannot silently lose it; tests/Crm.Faults.Tests measures the recovery.
/// </summary>
internal static class RabbitMqReconnect
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    public static void Quickly(IRabbitMqBusFactoryConfigurator cfg)
    {
        var host = cfg.GetType().GetField("_hostConfiguration", Instance)?.GetValue(cfg);
        var policy = host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance)
            ?? throw new InvalidOperationException(
                "MassTransit's RabbitMQ host configuration no longer has the reconnect policy that RabbitMqReconnect replaces; revisit it for this MassTransit version.");
        policy.SetValue(host, Retry.CreatePolicy(x =>
        {
            // The failures MassTransit's own policy retries; anything else (a refused login) still stops the transport.
            x.Handle<ConnectionException>();
            x.Handle<AlreadyClosedException>();
            x.Handle<EndOfStreamException>();
            x.Handle<OperationInterruptedException>();
            x.Handle<NotSupportedException>(e => e.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
            x.Ignore<AuthenticationFailureException>();
            x.Interval(100_000, TimeSpan.FromMilliseconds(100));
        }));
    }
}
