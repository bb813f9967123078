namespace Crm.IntegrationEvents;

/// <summary>
/// Base of every event that crosses a service boundary. Events are immutable, named in the past tense, and only ever
/// change additively: a consumer built against an older shape must still read a newer one.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The version of the aggregate after the change; consumers ignore events older than what they hold.</summary>
    public long Version { get; init; }
}
