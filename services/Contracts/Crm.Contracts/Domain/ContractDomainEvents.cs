using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Domain;

namespace Crm.Contracts.Domain;

/// <summary>A contract was drafted for a customer (it publishes nothing: only a signature changes the customer).</summary>
public sealed record ContractDraftedDomainEvent(
    Guid ContractId, string Number, Guid CustomerId, Money Value, string DraftedBy, DateTimeOffset OccurredAt, long Version) : IDomainEvent;

/// <summary>A draft was signed; the version is the contract's after the signature.</summary>
public sealed record ContractSignedDomainEvent(
    Guid ContractId, string Number, Guid CustomerId, string SignedBy, DateTimeOffset OccurredAt, long Version) : IDomainEvent;
