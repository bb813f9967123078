namespace Crm.IntegrationEvents;

/// <summary>
/// Every customer event carries the whole card that other services keep (event-carried state transfer), so a
/// consumer can build its read model from any one of them, in any order, keeping the highest version.
/// </summary>
public abstract record CustomerEvent : IntegrationEvent
{
    public required Guid CustomerId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required CustomerKind Kind { get; init; }
    public required string Region { get; init; }
    public required string OwnerId { get; init; }
    public required CustomerTier Tier { get; init; }
    public required CustomerGrade Grade { get; init; }

    // Added after the first release; the defaults are what an event of the older shape meant.

    /// <summary>The sales territory inside the region, when the card names one.</summary>
    public string? Territory { get; init; }

    /// <summary>A deregistered (注销) customer stays in the database but leaves the pipeline and gets no new work.</summary>
    public CustomerStatus Status { get; init; } = CustomerStatus.Active;

    /// <summary>The credit limit in <see cref="CreditCurrency"/>; null in events from before credit was kept.</summary>
    public decimal? CreditLimit { get; init; }

    public string CreditCurrency { get; init; } = "CNY";

    /// <summary>The postal address; empty in events from before it was carried.</summary>
    public string Address { get; init; } = "";

    /// <summary>The coordinates in <see cref="Datum"/>; null when the card has none (or the event is of the older shape).</summary>
    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public CoordinateDatum Datum { get; init; } = CoordinateDatum.Wgs84;
}

public sealed record CustomerRegistered : CustomerEvent;

/// <summary>The card's profile changed: name, kind, region, territory, address, phone, tier or owner.</summary>
public sealed record CustomerUpdated : CustomerEvent
{
    /// <summary>The card fields that changed (camelCase, e.g. "tier", "ownerId"); empty in events of the older shape.</summary>
    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>The owner before the change, when the owner changed.</summary>
    public string? PreviousOwnerId { get; init; }
}

/// <summary>The customer was deregistered (注销无效客户): kept, never deleted, but out of the pipeline.</summary>
public sealed record CustomerDeregistered : CustomerEvent
{
    public required string Reason { get; init; }
    public required string DeregisteredBy { get; init; }
}

/// <summary>The customer's credit limit changed (客户信用管理); <see cref="CustomerEvent.CreditLimit"/> is the new one.</summary>
public sealed record CustomerCreditChanged : CustomerEvent
{
    public required decimal PreviousCreditLimit { get; init; }
    public required string Reason { get; init; }
    public required string ChangedBy { get; init; }
}

public sealed record CustomerGradeChanged : CustomerEvent
{
    public required CustomerGrade PreviousGrade { get; init; }
    public required string Reason { get; init; }
    public required string ChangedBy { get; init; }
}

/// <summary>
/// A visit report or a hospitality visit proposes a new pipeline grade. Visits and Hospitality publish it; Customers
/// keeps it as a pending proposal until the owner or a manager confirms or rejects it, so no grade moves unreviewed.
/// </summary>
public sealed record CustomerGradeProposed : IntegrationEvent
{
    public required Guid CustomerId { get; init; }
    public required CustomerGrade ProposedGrade { get; init; }

    /// <summary>"visit" or "hospitality".</summary>
    public required string Source { get; init; }

    /// <summary>The visit or application that made the proposal.</summary>
    public required string SourceId { get; init; }

    public required string Reason { get; init; }
    public required string ProposedBy { get; init; }
}

/// <summary>
/// The card as it stands, republished on an operator's request (<c>POST /api/customers/resync</c>) so that a read model
/// that lost an event catches up. Nothing changed: the version is the card's current one, and a read model that is
/// already there ignores it.
/// </summary>
public sealed record CustomerResynced : CustomerEvent;

/// <summary>
/// A rep found the customer invalid on a visit and proposes to deregister it (注销). Customers keeps it as a pending
/// proposal for the CRM supervisor, who confirms (the card is deregistered) or rejects it.
/// </summary>
public sealed record CustomerDeregistrationProposed : IntegrationEvent
{
    public required Guid CustomerId { get; init; }

    /// <summary>"visit".</summary>
    public required string Source { get; init; }

    /// <summary>The visit that made the proposal.</summary>
    public required string SourceId { get; init; }

    public required string Reason { get; init; }
    public required string ProposedBy { get; init; }
}
