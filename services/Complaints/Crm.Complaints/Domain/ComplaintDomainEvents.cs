using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Domain;

/// <summary>The complaint as it stood right after a change: what every event about it carries, with its version then.</summary>
public sealed record ComplaintFacts(
    Guid Id, string Number, Guid CustomerId, string Region, string OwnerId, ComplaintType Type, ComplaintSeverity Severity,
    string? Department, ComplaintStatus Status, long Version);

/// <summary>Something that happened to a complaint: the complaint after it, who did it and when.</summary>
public abstract record ComplaintDomainEvent(ComplaintFacts Complaint, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ComplaintFiledDomainEvent(ComplaintFacts Complaint, ComplaintChannel Channel, string? ProductLine, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

/// <summary>Sent to a department: by the rules when filed, again on request (reroute), or by hand (transfer); <see cref="Reason"/> says why.</summary>
public sealed record ComplaintRoutedDomainEvent(
    ComplaintFacts Complaint, string Department, string? Queue, string? AssigneeId, Guid? RuleId, int RuleSetVersion, string Reason,
    string By, DateTimeOffset OccurredAt) : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintStartedDomainEvent(ComplaintFacts Complaint, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintWaitingOnCustomerDomainEvent(ComplaintFacts Complaint, string? Note, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintCustomerRespondedDomainEvent(ComplaintFacts Complaint, string? Note, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintAssignedDomainEvent(ComplaintFacts Complaint, string? PreviousAssigneeId, string AssigneeId, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintResolvedDomainEvent(ComplaintFacts Complaint, string RootCause, string Fix, bool WithinSla, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintClosedDomainEvent(ComplaintFacts Complaint, int? Satisfaction, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintReopenedDomainEvent(ComplaintFacts Complaint, ComplaintStatus From, string Reason, int ReopenCount, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

public sealed record ComplaintReturnVisitRecordedDomainEvent(ComplaintFacts Complaint, int Satisfaction, string? Note, string By, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, By, OccurredAt);

/// <summary>An escalation step was taken; <see cref="Reason"/> is "AtRisk:FirstResponse", "Breached:Resolution" and the like.</summary>
public sealed record ComplaintEscalatedDomainEvent(
    ComplaintFacts Complaint, EscalationStep Step, int Level, string Reason, string EscalatedTo, DateTimeOffset OccurredAt)
    : ComplaintDomainEvent(Complaint, "system", OccurredAt);
