using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>
/// A customer card. Contact details (phone, key persons) are only in the answer to reading one card, which is audited;
/// lists and search leave them out (<see cref="Phone"/> and <see cref="KeyPersons"/> are null there).
/// </summary>
public sealed record CustomerResponse(
    Guid Id, string Code, string Name, CustomerKind Kind, string Region, string Territory, string Address,
    double? Latitude, double? Longitude, CoordinateDatum Datum, string? Phone, string OwnerId, CustomerTier Tier, CustomerGrade Grade,
    CustomerStatus Status, DateTimeOffset? DeregisteredAt, string? DeregistrationReason, DateTimeOffset? LastVerifiedAt,
    decimal CreditLimit, string CreditCurrency, DateTimeOffset RegisteredAt, long Version, IReadOnlyList<KeyPersonResponse>? KeyPersons)
{
    public static CustomerResponse From(Customer c) => Summary(c) with
    {
        Phone = c.Phone,
        KeyPersons = c.KeyPersons.Select(KeyPersonResponse.From).ToList(),
    };

    /// <summary>The card with the phone the caller has just written, after a registration or an update.</summary>
    public static CustomerResponse Written(Customer c) => Summary(c) with { Phone = c.Phone };

    public static CustomerResponse Summary(Customer c) =>
        new(c.Id, c.Code, c.Name, c.Kind, c.Region, c.Territory, c.Address, c.Latitude, c.Longitude, c.Datum, null, c.OwnerId, c.Tier,
            c.Grade, c.Status, c.DeregisteredAt, c.DeregistrationReason, c.LastVerifiedAt, c.CreditLimit, c.CreditCurrency,
            c.RegisteredAt, c.Version, null);
}

public sealed record KeyPersonResponse(
    Guid Id, string Name, string WorkUnit, string Position, DecisionRole Role, bool HasDecisionPower, string Phone, string Email, string Notes)
{
    public static KeyPersonResponse From(KeyPerson k) =>
        new(k.Id, k.Name, k.WorkUnit, k.Position, k.Role, k.HasDecisionPower, k.Phone, k.Email, k.Notes);
}
