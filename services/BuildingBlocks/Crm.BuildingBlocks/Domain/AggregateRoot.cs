namespace Crm.BuildingBlocks.Domain;

/// <summary>Something that happened to an aggregate, in the aggregate's own terms: who acted, when, and what changed.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// Base of every aggregate: it records what happens to it as domain events while it changes, and the service's
/// DbContext turns them into integration events (and audit rows) in the same SaveChanges, so no handler can forget one.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public void ClearDomainEvents() => domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => domainEvents.Add(domainEvent);
}

/// <summary>A rule of the domain refused the operation in the resource's current state (an illegal transition): 409.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>The change was based on a version of the resource that someone else has since changed: 409, reload and retry.</summary>
public sealed class StaleVersionException(string message) : Exception(message);

/// <summary>An aggregate known by its id whose version orders its changes; the version is its resource's ETag.</summary>
public interface IVersionedAggregate
{
    Guid Id { get; }

    long Version { get; }
}
