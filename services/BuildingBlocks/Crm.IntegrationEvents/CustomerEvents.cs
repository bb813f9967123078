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
}

public sealed record CustomerRegistered : CustomerEvent;

public sealed record CustomerUpdated : CustomerEvent;

public sealed record CustomerGradeChanged : CustomerEvent
{
    public required CustomerGrade PreviousGrade { get; init; }
    public required string Reason { get; init; }
    public required string ChangedBy { get; init; }
}
