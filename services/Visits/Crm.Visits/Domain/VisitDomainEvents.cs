using Crm.BuildingBlocks.Domain;

namespace Crm.Visits.Domain;

/// <summary>The visit as it stood right after a change, with its version then.</summary>
public sealed record VisitFacts(Guid Id, string Number, Guid CustomerId, string Region, string OwnerId, DateOnly ScheduledFor, bool AdHoc, long Version);

public sealed record VisitScheduledDomainEvent(VisitFacts Visit, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitCheckedInDomainEvent(VisitFacts Visit, CheckPoint Point, bool Flagged, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitCheckedOutDomainEvent(VisitFacts Visit, CheckPoint Point, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitCancelledDomainEvent(VisitFacts Visit, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitReportWrittenDomainEvent(VisitFacts Visit, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <param name="First">The first submission, which completes the visit.</param>
/// <param name="GradeProposalIsNew">The report proposes a grade that no earlier submission proposed.</param>
/// <param name="FileComplaint">The report's complaint goes to Complaints now (the first submission that carries one).</param>
/// <param name="ProposeDeregistration">The report's proposal to deregister goes to Customers now (the first submission that carries one).</param>
public sealed record VisitReportSubmittedDomainEvent(
    VisitFacts Visit, CheckPoint CheckIn, CheckPoint CheckOut, bool CheckInFlagged, VisitReport Report, bool First, bool GradeProposalIsNew,
    bool FileComplaint, bool ProposeDeregistration, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitReportReviewedDomainEvent(VisitFacts Visit, ReviewStep Step, string By, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record VisitFrequencyChangedDomainEvent(
    string Region, GradeIntervals PreviousOrdinary, GradeIntervals PreviousKey, GradeIntervals Ordinary, GradeIntervals Key, string By,
    DateTimeOffset OccurredAt, long Version) : IDomainEvent;

public sealed record VisitRescheduledDomainEvent(VisitFacts Visit, DateOnly From, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The customer changed hands: a visit not yet made moves to its new owner.</summary>
public sealed record VisitReassignedDomainEvent(VisitFacts Visit, string PreviousOwnerId, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <param name="Detail">What was added, moved or dropped, or the reviewer's comment, as the plan's step records it.</param>
public sealed record VisitPlanChangedDomainEvent(
    Guid PlanId, string Number, string Region, string OwnerId, DateOnly From, DateOnly To, PlanStatus Status, PlanAction Action, string? Detail,
    string By, DateTimeOffset OccurredAt, long Version) : IDomainEvent;
