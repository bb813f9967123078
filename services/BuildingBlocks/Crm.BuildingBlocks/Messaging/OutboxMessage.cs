using System.Diagnostics;
using System.Text.Json;
using Crm.BuildingBlocks.Data;
using Crm.IntegrationEvents;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>An integration event waiting in the service's database to be published.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>W3C trace context of the request that raised the event, so its trace continues across the broker.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Claimed by one dispatcher until <see cref="LockedUntil"/>, so replicas do not publish the same rows at once.</summary>
    public Guid? LockToken { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent) => new()
    {
        // The event id doubles as the MassTransit MessageId, which is what consumers' inboxes de-duplicate on.
        Id = integrationEvent.EventId,
        MessageType = integrationEvent.GetType().FullName!,
        Body = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), EventJson.Options),
        OccurredAt = integrationEvent.OccurredAt,
        TraceParent = Activity.Current?.Id,
    };

    public IntegrationEvent ToEvent()
    {
        var type = typeof(IntegrationEvent).Assembly.GetType(MessageType)
            ?? throw new InvalidOperationException($"Unknown integration event type {MessageType}.");
        return (IntegrationEvent)JsonSerializer.Deserialize(Body, type, EventJson.Options)!;
    }
}

/// <summary>A message a consumer has already handled, recorded in the same transaction as the handling.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
