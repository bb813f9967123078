using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.CustomerSnapshots;

/// <summary>
/// Keeps <see cref="CustomerSnapshot"/> from any customer event. Each carries the whole card, so applying one is an
/// upsert that keeps the highest version: an update only when the event is newer than the stored card (the version is
/// the row's concurrency token), else an insert when the customer is new here. Events of one customer may arrive in
/// any order, twice, or at once on several consumers (competing replicas, two publishers), and the row still ends at
/// the newest card: an event that loses a race for the row is applied again to the row as it now stands.
/// </summary>
public sealed class CustomerSnapshotConsumer<TContext, TEvent>(TContext db, TimeProvider time) : IdempotentConsumer<TEvent, TContext>(db, time)
    where TContext : ServiceDbContext, IHasCustomerSnapshots
    where TEvent : CustomerEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        var snapshot = await Db.CustomerSnapshots.FirstOrDefaultAsync(s => s.Id == message.CustomerId, cancellationToken);
        if (snapshot is not null && snapshot.Version >= message.Version)
        {
            return;
        }

        if (snapshot is null)
        {
            snapshot = new CustomerSnapshot { Id = message.CustomerId };
            Db.CustomerSnapshots.Add(snapshot);
        }

        snapshot.Apply(message);
    }
}

public static class CustomerSnapshotRegistration
{
    /// <summary>
    /// Subscribes the service's read model to every customer event on one queue, <c>{service}-customer-snapshots</c>.
    /// Every event that carries the card counts, including the resync that an operator asks of Customers.
    /// </summary>
    public static IHostApplicationBuilder AddCustomerSnapshots<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : ServiceDbContext, IHasCustomerSnapshots
    {
        var queue = $"{service}-customer-snapshots";
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerRegistered>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerUpdated>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerGradeChanged>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerDeregistered>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerCreditChanged>>(queue);
        builder.AddConsumer<CustomerSnapshotConsumer<TContext, CustomerResynced>>(queue);
        return builder;
    }
}
