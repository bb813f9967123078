using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Resilience;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.BuildingBlocks.Messaging;

public enum BusTransport { InMemory, RabbitMq }

/// <summary>The <c>Bus</c> section: the transport and how hard each receive endpoint may press on the database.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>Messages RabbitMQ hands to a receive endpoint ahead of their consumption.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// Messages one receive endpoint consumes at once. Each may hold a database connection, so the sum over a process's
    /// endpoints belongs in its connection budget (Database:MaxPoolSize).
    /// </summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries of a failed message before it counts as failed (a lost race, a database blip).</summary>
    [Range(0, 20)]
    public int ImmediateRetries { get; set; } = 5;

    /// <summary>
    /// The kill switch: after <see cref="KillSwitchActivationThreshold"/> messages, when more than
    /// <see cref="KillSwitchTripPercent"/>% of an endpoint's messages fail transiently, it stops consuming for
    /// <see cref="KillSwitchRestartSeconds"/> seconds instead of spinning on a dependency that is down.
    /// </summary>
    [Range(1, 10_000)]
    public int KillSwitchActivationThreshold { get; set; } = 10;

    [Range(1, 100)]
    public int KillSwitchTripPercent { get; set; } = 15;

    [Range(1, 3600)]
    public int KillSwitchRestartSeconds { get; set; } = 10;
}

/// <summary>
/// MassTransit 8 (Apache-2.0; never 9, which is commercial). Each service adds its consumers with a queue name that
/// starts with the service's name, then the process adds one bus for all of them: RabbitMQ (<c>Bus:Transport=RabbitMq</c>,
/// <c>ConnectionStrings:RabbitMq</c>) or in-memory (the default). With one queue per service and consumer, one event
/// fans out to every service that listens, both on RabbitMQ and inside the standalone host.
/// </summary>
public static class MessagingSetup
{
    private const string RegistrationsKey = "Crm.Messaging.Consumers";

    /// <summary>How long an in-memory bus waits before each redelivery of a message that failed on a dependency.</summary>
    private static readonly TimeSpan[] InMemoryRedeliveries =
        [.. new[] { 1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800 }.Select(s => TimeSpan.FromSeconds(s))];

    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string queueName)
        where TConsumer : class, IConsumer
    {
        Registrations(builder).Add(x => x.AddConsumer<TConsumer>().Endpoint(e => e.Name = queueName));
        return builder;
    }

    private static string BrokerAddress(IConfiguration configuration) =>
        configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@localhost:5672/";

    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<BusOptions>().Bind(configuration.GetSection("Bus")).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();

        // The bus is up before the host reports started, which is when outbox dispatchers begin to publish.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        if (options.Transport == BusTransport.RabbitMq)
        {
            // MassTransit's own bus check says whether its endpoints run; this one says whether the broker answers.
            var broker = new Uri(BrokerAddress(configuration));
            builder.Services.AddSingleton(new BrokerHealthConnection(broker, $"{builder.Environment.ApplicationName} health"));
            builder.Services.AddHealthChecks().AddRabbitMQ(
                sp => sp.GetRequiredService<BrokerHealthConnection>().GetAsync(), "rabbitmq", tags: [ServiceDefaults.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        }

        builder.Services.AddMassTransit(x =>
        {
            // The vendor's usage report: these deployments must not call home, and offline it only logs a stack trace.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.AddRegisteredConsumers(builder);

            if (options.Transport == BusTransport.RabbitMq)
            {
                var connection = BrokerAddress(configuration);
                x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    Resilience(endpoint, options);
                    // A message that failed on a dependency goes back to its queue (a nack with requeue) instead of the
                    // _error queue; the kill switch spaces out its redeliveries while the dependency is down.
                    endpoint.ConfigureError(e =>
                    {
                        e.UseFilter(new RequeueTransientFaultsFilter());
                        e.UseFilter(new GenerateFaultFilter());
                        e.UseFilter(new ErrorTransportFilter());
                    });
                });
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(connection));
                    RabbitMqReconnect.Quickly(cfg);
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                // In one process there is no broker to hand a message back to: it is redelivered from the bus's own
                // scheduler, for about an hour and a half, before it counts as an error.
                x.AddDelayedMessageScheduler();
                x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    endpoint.UseDelayedRedelivery(r =>
                    {
                        r.Handle<Exception>(TransientFaults.IsTransient);
                        r.Intervals(InMemoryRedeliveries);
                    });
                    Resilience(endpoint, options);
                });
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
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
    /// Every endpoint: a bounded number of messages at once, immediate retries with back-off for what a second try
    /// fixes (a lost optimistic-concurrency race, a blip), and a kill switch that pauses the endpoint while its
    /// messages keep failing on a dependency that is down. Only a message that fails for a reason of its own (poison)
    /// ends in the queue's <c>_error</c> queue, from which deploy/ops/replay-errors.sh moves it back.
    /// </summary>
    private static void Resilience(IReceiveEndpointConfigurator endpoint, BusOptions options)
    {
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        endpoint.UseKillSwitch(k => k
            .SetActivationThreshold(options.KillSwitchActivationThreshold)
            .SetTripThreshold(options.KillSwitchTripPercent)
            .SetRestartTimeout(s: options.KillSwitchRestartSeconds)
            .SetExceptionFilter(f => f.Handle<Exception>(TransientFaults.IsTransient)));
        endpoint.UseMessageRetry(r => r.Exponential(options.ImmediateRetries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
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

/// <summary>
/// First in the error pipe: a message that failed because a dependency is unavailable, or whose consumption was cut
/// short because the endpoint is stopping (the kill switch, a shutdown), is not poison. Rethrowing makes the transport
/// return it to its queue (RabbitMQ: nack with requeue, or the channel's close) so it is consumed again later, instead
/// of the default filters moving it to the <c>_error</c> queue.
/// </summary>
internal sealed class RequeueTransientFaultsFilter : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
        TransientFaults.IsTransient(context.Exception) || context.Exception is OperationCanceledException || context.CancellationToken.IsCancellationRequested
            ? Task.FromException(context.Exception)
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeue-transient");
}
