using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// MassTransit 8 (Apache-2.0; never 9, which is commercial). Each service adds its consumers with a queue name that
/// starts with the service's name, then the process adds one bus for all of them: RabbitMQ (<c>Bus:Transport=RabbitMq</c>,
/// <c>ConnectionStrings:RabbitMq</c>) or in-memory (the default). With one queue per service and consumer, one event
/// fans out to every service that listens, both on RabbitMQ and inside the standalone host.
/// </summary>
public static class MessagingSetup
{
    private const string RegistrationsKey = "Crm.Messaging.Consumers";

    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string queueName)
        where TConsumer : class, IConsumer
    {
        Registrations(builder).Add(x => x.AddConsumer<TConsumer>().Endpoint(e => e.Name = queueName));
        return builder;
    }

    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // The bus is up before the host reports started, which is when outbox dispatchers begin to publish.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMassTransit(x =>
        {
            x.AddRegisteredConsumers(builder);

            if (string.Equals(configuration["Bus:Transport"], "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                var connection = configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@localhost:5672/";
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(connection));
                    cfg.PrefetchCount = configuration.GetValue("Bus:PrefetchCount", 32);
                    ConfigureCommon(cfg, context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureCommon(cfg, context));
            }
        });
        return builder;
    }

    /// <summary>Adds the consumers that the services registered with <see cref="AddConsumer{TConsumer}"/> (also for test harnesses).</summary>
    public static IBusRegistrationConfigurator AddRegisteredConsumers(this IBusRegistrationConfigurator x, IHostApplicationBuilder builder)
    {
        foreach (var register in Registrations(builder))
        {
            register(x);
        }

        return x;
    }

    /// <summary>
    /// Retries with exponential back-off for transient faults (a lost optimistic-concurrency race, a database blip);
    /// a message that still fails ends in the queue's <c>_error</c> queue, where it stays visible and can be moved back.
    /// </summary>
    private static void ConfigureCommon<T>(IBusFactoryConfigurator<T> cfg, IBusRegistrationContext context)
        where T : IReceiveEndpointConfigurator
    {
        cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        cfg.ConfigureEndpoints(context);
    }

    private static List<Action<IBusRegistrationConfigurator>> Registrations(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(RegistrationsKey, out var value))
        {
            builder.Properties[RegistrationsKey] = value = new List<Action<IBusRegistrationConfigurator>>();
        }

        return (List<Action<IBusRegistrationConfigurator>>)value;
    }
}
