using RabbitMQ.Client;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// The one AMQP connection the RabbitMQ readiness check (AspNetCore.HealthChecks.Rabbitmq) probes with. The check asks
/// for a connection on every probe; this keeps one open and makes a new one only after it closed, so that probing never
/// leaks connections and a broker that comes back is seen at the next probe.
/// </summary>
internal sealed class BrokerHealthConnection(Uri broker, string clientName) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    public async Task<IConnection> GetAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (connection is { IsOpen: true })
            {
                return connection;
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }

            var factory = new ConnectionFactory
            {
                Uri = broker,
                ClientProvidedName = clientName,
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            };
            connection = await factory.CreateConnectionAsync();
            return connection;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }
}
