using Crm.IntegrationEvents;

namespace Crm.Testing;

/// <summary>Customer events as the Customers service publishes them, for feeding another service's read model.</summary>
public static class TestCustomerEvents
{
    public static CustomerRegistered Registered(
        Guid customerId, string region = "EAST", string ownerId = "rep.east", string name = "华东建材经销有限公司 East Building Materials",
        CustomerGrade grade = CustomerGrade.E, CustomerTier tier = CustomerTier.Ordinary, CustomerKind kind = CustomerKind.Dealer) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        Version = 1,
        CustomerId = customerId,
        Code = $"CU-{customerId.ToString("N")[..10].ToUpperInvariant()}",
        Name = name,
        Kind = kind,
        Region = region,
        OwnerId = ownerId,
        Tier = tier,
        Grade = grade,
    };

    /// <summary>The card after a grade change, at <paramref name="version"/>.</summary>
    public static CustomerGradeChanged GradeChanged(CustomerEvent card, CustomerGrade to, long version, string reason = "Stable contact, clear intention") => new()
    {
        OccurredAt = card.OccurredAt.AddMinutes(version),
        Version = version,
        CustomerId = card.CustomerId,
        Code = card.Code,
        Name = card.Name,
        Kind = card.Kind,
        Region = card.Region,
        OwnerId = card.OwnerId,
        Tier = card.Tier,
        Grade = to,
        PreviousGrade = card.Grade,
        Reason = reason,
        ChangedBy = card.OwnerId,
    };

    /// <summary>The card after a profile update, at <paramref name="version"/>.</summary>
    public static CustomerUpdated Updated(CustomerEvent card, long version, string? name = null, string? region = null, string? ownerId = null) => new()
    {
        OccurredAt = card.OccurredAt.AddMinutes(version),
        Version = version,
        CustomerId = card.CustomerId,
        Code = card.Code,
        Name = name ?? card.Name,
        Kind = card.Kind,
        Region = region ?? card.Region,
        OwnerId = ownerId ?? card.OwnerId,
        Tier = card.Tier,
        Grade = card.Grade,
    };
}
