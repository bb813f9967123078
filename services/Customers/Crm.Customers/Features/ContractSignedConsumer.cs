using Crm.BuildingBlocks.Messaging;
using Crm.Customers.Data;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>A signed contract makes its customer grade A, with the contract as the reason (DOMAIN.md, Contracts).</summary>
public sealed class ContractSignedConsumer(CustomersDbContext db, TimeProvider time, ILogger<ContractSignedConsumer> logger)
    : IdempotentConsumer<ContractSigned, CustomersDbContext>(db, time)
{
    protected override async Task Handle(ContractSigned message, CancellationToken cancellationToken)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken);
        if (customer is null)
        {
            logger.LogWarning("Contract {Contract} was signed for unknown customer {Customer}.", message.ContractNumber, message.CustomerId);
            return;
        }

        var reason = $"Contract {message.ContractNumber} signed";
        var now = Time.GetUtcNow();
        if (customer.ChangeGrade(CustomerGrade.A, reason, message.SignedBy, now, sourceId: $"contract:{message.ContractId}") is { } previous)
        {
            Db.EnqueueEvent(CustomerEventMapping.GradeChanged(customer, previous, reason, message.SignedBy, now));
        }
    }
}
