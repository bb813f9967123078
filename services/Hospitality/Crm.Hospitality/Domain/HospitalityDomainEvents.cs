using Crm.BuildingBlocks.Domain;

namespace Crm.Hospitality.Domain;

/// <summary>The application as it stood right after a change, with its version then.</summary>
public sealed record ApplicationFacts(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, DateTimeOffset Start, DateTimeOffset End,
    ApplicationStatus Status, bool Urgent, long Version);

public sealed record ApplicationSubmittedDomainEvent(ApplicationFacts Application, string Rule, ChainStep FirstStep, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A step approved (<paramref name="Approved"/>, by <paramref name="By"/>) and the chain moved on to the next one.</summary>
public sealed record ApprovalStepReachedDomainEvent(ApplicationFacts Application, ChainStep Approved, ChainStep Step, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationApprovedDomainEvent(ApplicationFacts Application, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationReturnedDomainEvent(ApplicationFacts Application, ChainStep Step, string Comment, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ApplicationRejectedDomainEvent(ApplicationFacts Application, ChainStep Step, string Comment, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PaperworkCompletedDomainEvent(ApplicationFacts Application, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PermitIssuedDomainEvent(ApplicationFacts Application, string PermitNumber, ReceptionStandard Reception, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PermitRevokedDomainEvent(ApplicationFacts Application, string PermitNumber, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitorPassedGateDomainEvent(ApplicationFacts Application, string Visitor, bool In, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitCompletedDomainEvent(ApplicationFacts Application, VisitOutcome Outcome, Guid CustomerId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PhotographyDecidedDomainEvent(
    ApplicationFacts Application, string Role, bool Allow, PhotographyDecision Photography, string By, DateTimeOffset OccurredAt) : IDomainEvent;
