using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

public sealed record CustomerResponse(
    Guid Id, string Code, string Name, CustomerKind Kind, string Region, string Address, string OwnerId,
    CustomerTier Tier, CustomerGrade Grade, DateTimeOffset RegisteredAt, long Version)
{
    public static CustomerResponse From(Customer c) =>
        new(c.Id, c.Code, c.Name, c.Kind, c.Region, c.Address, c.OwnerId, c.Tier, c.Grade, c.RegisteredAt, c.Version);
}
