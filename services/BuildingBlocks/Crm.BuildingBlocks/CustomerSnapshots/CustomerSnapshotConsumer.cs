using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.CustomerSnapshots;

/// <summary>
/// Keeps <see cref="CustomerSnapshot"/> from any customer event. Each carries the whole card, so applying one is an
/// upsert that keeps the highest version: a conditional update (only when the event is newer), else an insert when
/// the customer is new here. Both are guarded by the version, so events of one customer may arrive in any order,
/// twice, or at once on several consumers (competing replicas, two publishers), and the row still ends at the newest
/// card: an event that finds the row missing, then present, or loses an insert race, simply tries again.
/// </summary>
public sealed class CustomerSnapshotConsumer<TContext, TEvent>(TContext db, TimeProvider time) : IdempotentConsumer<TEvent, TContext>(db, time)
    where TContext : ServiceDbContext, IHasCustomerSnapshots
    where TEvent : CustomerEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        // Each step can lose a race with another consumer of the same customer; whatever happened in between, the
        // next round sees it: a newer stored card ends the loop, a newer event updates, a missing row is inserted.
        while (true)
        {
            var stored = await Db.CustomerSnapshots.Where(s => s.Id == message.CustomerId).Select(s => (long?)s.Version).FirstOrDefaultAsync(cancellationToken);
            if (stored >= message.Version
                || (stored is null && await Inserted(message, cancellationToken))
                || (stored is not null && await UpdateIfNewer(message, cancellationToken) > 0))
            {
                return;
            }
        }
    }

    /// <summary>Inserts the card; false when another consumer inserted it first (then the caller updates instead).</summary>
    private async Task<bool> Inserted(TEvent message, CancellationToken cancellationToken)
    {
        var snapshot = new CustomerSnapshot { Id = message.CustomerId };
        snapshot.Apply(message);
        Db.CustomerSnapshots.Add(snapshot);
        try
        {
            // Saved on its own (the version guard makes that safe outside the inbox's save), so a lost race is
            // recognised here rather than failing the message.
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            Db.Entry(snapshot).State = EntityState.Detached;
            if (!await Db.CustomerSnapshots.AnyAsync(s => s.Id == message.CustomerId, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    private Task<int> UpdateIfNewer(CustomerEvent e, CancellationToken cancellationToken) =>
        Db.CustomerSnapshots
            .Where(s => s.Id == e.CustomerId && s.Version < e.Version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Code, e.Code)
                .SetProperty(s => s.Name, e.Name)
                .SetProperty(s => s.Kind, e.Kind)
                .SetProperty(s => s.Region, e.Region)
                .SetProperty(s => s.OwnerId, e.OwnerId)
                .SetProperty(s => s.Tier, e.Tier)
                .SetProperty(s => s.Grade, e.Grade)
                .SetProperty(s => s.Version, e.Version)
                .SetProperty(s => s.UpdatedAt, e.OccurredAt), cancellationToken);
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
