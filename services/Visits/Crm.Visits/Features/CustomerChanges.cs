using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Features;

/// <summary>
/// What a change of the customer's card means for visits not yet made (queue <c>visits-customer-changes</c>): a new
/// owner takes them over (out of the previous owner's plan), and a deregistered customer's are cancelled. Visits already
/// moved or cancelled are left as they are, so a repeated or late event changes nothing.
/// </summary>
public static class CustomerChanges
{
    public const string Queue = VisitsService.Name + "-customer-changes";

    internal static async Task<List<Visit>> Upcoming(VisitsDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        await db.Visits.Where(v => v.CustomerId == customerId && v.Status == VisitStatus.Scheduled).ToListAsync(cancellationToken);
}

public sealed class CustomerOwnerChangedConsumer(VisitsDbContext db, TimeProvider time) : IdempotentConsumer<CustomerUpdated, VisitsDbContext>(db, time)
{
    protected override async Task Handle(CustomerUpdated message, CancellationToken cancellationToken)
    {
        if (!message.ChangedFields.Contains("ownerId"))
        {
            return;
        }

        foreach (var visit in await CustomerChanges.Upcoming(Db, message.CustomerId, cancellationToken))
        {
            visit.Reassign(message.OwnerId, message.Version, "customers", message.OccurredAt);
        }
    }
}

public sealed class CustomerDeregisteredConsumer(VisitsDbContext db, TimeProvider time) : IdempotentConsumer<CustomerDeregistered, VisitsDbContext>(db, time)
{
    protected override async Task Handle(CustomerDeregistered message, CancellationToken cancellationToken)
    {
        foreach (var visit in await CustomerChanges.Upcoming(Db, message.CustomerId, cancellationToken))
        {
            visit.Cancel($"Customer deregistered (注销): {message.Reason}", message.DeregisteredBy, message.OccurredAt);
        }
    }
}
