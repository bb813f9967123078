using Crm.BuildingBlocks;
using Crm.Contracts.Domain;

namespace Crm.Contracts.Features;

public sealed record ContractResponse(
    Guid Id, string Number, Guid CustomerId, string Region, string OwnerId, string Title, Money Value, ContractStatus Status,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SignedAt, string? SignedBy, long Version)
{
    public static ContractResponse From(Contract c) =>
        new(c.Id, c.Number, c.CustomerId, c.Region, c.OwnerId, c.Title, c.Value, c.Status, c.CreatedAt, c.CreatedBy, c.SignedAt, c.SignedBy, c.Version);
}
