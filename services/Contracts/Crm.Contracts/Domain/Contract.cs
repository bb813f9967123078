using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Contracts.Domain;

public enum ContractStatus { Draft, Signed }

/// <summary>
/// A contract with a customer. It is drafted, then signed; signing makes the customer grade A. The customer's region
/// and owner are copied from the read model when the contract is drafted, so access is scoped like the customer's.
/// </summary>
public sealed class Contract : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private Contract()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string Region { get; private init; } = "";
    public string OwnerId { get; private init; } = "";
    public string Title { get; private set; } = "";
    public Money Value { get; private set; } = new(0);
    public ContractStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public long Version { get; private set; }

    public static Contract Draft(string number, Guid customerId, string region, string ownerId, string title, Money value, string createdBy, DateTimeOffset at)
    {
        var contract = new Contract
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            CustomerId = customerId,
            Region = region,
            OwnerId = ownerId,
            Title = title,
            Value = value,
            Status = ContractStatus.Draft,
            CreatedAt = at,
            CreatedBy = createdBy,
            Version = 1,
        };
        contract.Raise(new ContractDraftedDomainEvent(contract.Id, contract.Number, customerId, value, createdBy, at, contract.Version));
        return contract;
    }

    public void Sign(string signedBy, DateTimeOffset at)
    {
        if (Status != ContractStatus.Draft)
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a draft can be signed.");
        }

        Status = ContractStatus.Signed;
        SignedAt = at;
        SignedBy = signedBy;
        Version++;
        Raise(new ContractSignedDomainEvent(Id, Number, CustomerId, signedBy, at, Version));
    }
}
