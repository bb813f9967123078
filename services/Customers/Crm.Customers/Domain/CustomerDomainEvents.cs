using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>The card as it stood right after a change, with its version then: what every customer event carries.</summary>
public sealed record CustomerCard(
    Guid Id, string Code, CustomerProfile Profile, string OwnerId, CustomerGrade Grade, CustomerStatus Status,
    decimal CreditLimit, string CreditCurrency, long Version);

/// <summary>Something that happened to a customer's card: the card after it, who did it and when.</summary>
public abstract record CustomerDomainEvent(CustomerCard Customer, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A card was registered; <see cref="Source"/> names where it came from when not typed in (e.g. a CSV row).</summary>
public sealed record CustomerRegisteredDomainEvent(CustomerCard Customer, string? Source, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

/// <summary>The card's profile (and possibly its owner) was replaced; <see cref="Changes"/> holds each field's old and new value.</summary>
public sealed record CustomerProfileChangedDomainEvent(
    CustomerCard Customer, IReadOnlyList<FieldChange> Changes, string? Source, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

/// <summary>The customer was handed to another rep, with a reason.</summary>
public sealed record CustomerOwnerReassignedDomainEvent(CustomerCard Customer, FieldChange Change, string Reason, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

/// <summary>The customer moved from <see cref="From"/> to the card's grade; <see cref="SourceId"/> names what caused it (a contract, a visit).</summary>
public sealed record CustomerGradeChangedDomainEvent(
    CustomerCard Customer, CustomerGrade From, string Reason, string? SourceId, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

public sealed record CustomerDeregisteredDomainEvent(CustomerCard Customer, string Reason, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

public sealed record CustomerVerifiedDomainEvent(CustomerCard Customer, DateTimeOffset? PreviouslyVerifiedAt, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

public sealed record CustomerCreditLimitChangedDomainEvent(CustomerCard Customer, decimal From, string Reason, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

public sealed record KeyPersonAddedDomainEvent(CustomerCard Customer, Guid KeyPersonId, KeyPersonDetails Details, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

public sealed record KeyPersonChangedDomainEvent(
    CustomerCard Customer, Guid KeyPersonId, IReadOnlyList<FieldChange> Changes, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

/// <summary>A key person was removed; <see cref="Details"/> keeps what the card said about them.</summary>
public sealed record KeyPersonRemovedDomainEvent(CustomerCard Customer, Guid KeyPersonId, KeyPersonDetails Details, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);

/// <summary>A customer was evaluated (客户评价) with the weights of the day.</summary>
public sealed record CustomerEvaluatedDomainEvent(
    Guid CustomerId, Guid EvaluationId, decimal Score, EvaluationOutcome Outcome, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The CRM supervisor replaced the evaluation weights; the rule before and after, in words.</summary>
public sealed record EvaluationWeightsChangedDomainEvent(string Before, string After, long Version, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The owner or a manager confirmed or rejected a grade proposal (a confirmation also changes the grade).</summary>
public sealed record GradeProposalDecidedDomainEvent(
    Guid CustomerId, Guid ProposalId, ProposalStatus Decision, string? Note, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The CRM supervisor confirmed or rejected a proposal to deregister the customer (a confirmation also deregisters it).</summary>
public sealed record DeregistrationProposalDecidedDomainEvent(
    Guid CustomerId, Guid ProposalId, ProposalStatus Decision, string? Note, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The card was published again as it stands, for read models to catch up (no change).</summary>
public sealed record CustomerRepublishedDomainEvent(CustomerCard Customer, string By, DateTimeOffset OccurredAt)
    : CustomerDomainEvent(Customer, By, OccurredAt);
