using Crm.BuildingBlocks.Messaging;
using Crm.Customers.Data;
using Crm.Customers.Domain;
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

        if (customer.Status == CustomerStatus.Deregistered)
        {
            // Out of the pipeline: retrying would never succeed, so the contract is noted in the log and the audit only.
            logger.LogWarning("Contract {Contract} was signed for deregistered customer {Customer}; its grade stays.", message.ContractNumber, customer.Code);
            Db.Audit(message.SignedBy, AuditActions.GradeChanged, customer.Id, new { ignored = $"Contract {message.ContractNumber} signed for a deregistered customer" }, Time.GetUtcNow());
            return;
        }

        customer.ChangeGrade(CustomerGrade.A, $"Contract {message.ContractNumber} signed", message.SignedBy, Time.GetUtcNow(), sourceId: $"contract:{message.ContractId}");
    }
}
