namespace Crm.IntegrationEvents;

/// <summary>A signed contract makes its customer grade A (DOMAIN.md, Contracts).</summary>
public sealed record ContractSigned : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string SignedBy { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}
