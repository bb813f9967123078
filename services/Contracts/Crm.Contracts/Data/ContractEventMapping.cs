using Crm.BuildingBlocks.Domain;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;

namespace Crm.Contracts.Data;

/// <summary>The one place where the Contracts service decides which integration events a domain event publishes.</summary>
internal static class ContractEventMapping
{
    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        ContractSignedDomainEvent e =>
        [
            new ContractSigned
            {
                OccurredAt = e.OccurredAt,
                Version = e.Version,
                ContractId = e.ContractId,
                ContractNumber = e.Number,
                CustomerId = e.CustomerId,
                SignedBy = e.SignedBy,
                SignedAt = e.OccurredAt,
            },
        ],
        _ => [],
    };
}
