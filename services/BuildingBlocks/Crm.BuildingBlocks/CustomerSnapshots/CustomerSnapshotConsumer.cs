using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.CustomerSnapshots;

/// <summary>
/// Keeps <see cref="CustomerSnapshot"/> from any customer event: each carries the whole card, so the first one to arrive
/// creates the row and one with a version no higher than the stored one is stale and ignored.
/// </summary>
public sealed class CustomerSnapshotConsumer<TContext, TEvent>(TContext db, TimeProvider time) : IdempotentConsumer<TEvent, TContext>(db, time)
    where TContext : ServiceDbContext, IHasCustomerSnapshots
    where TEvent : CustomerEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var snapshot = await Db.CustomerSnapshots.FindAsync([message.CustomerId], cancellationToken);
        if (snapshot is null)
        {
            snapshot = new CustomerSnapshot { Id = message.CustomerId };
            snapshot.Apply(message);
            Db.CustomerSnapshots.Add(snapshot);
        }
        else if (message.Version > snapshot.Version)
        {
            snapshot.Apply(message);
        }
    }
}

public static class CustomerSnapshotRegistration
{
    /// <summary>
    /// Subscribes the service's read model to every customer event on one queue, <c>{service}-customer-snapshots</c>,
    /// which keeps a customer's events in order for that service.
    /// </summary>
    public static IHostApplicationBuilder AddCustomerSnapshots<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : ServiceDbContext, IHasCustomerSnapshots
    {
        var queue = $"{service}-customer-snapshots";
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerRegistered>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerUpdated>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerGradeChanged>>(queue);
        return builder;
    }
}
