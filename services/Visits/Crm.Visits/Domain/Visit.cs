using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Visits.Domain;

public enum VisitStatus { Scheduled, CheckedIn, CheckedOut, Cancelled }

/// <summary>Where the rep stood, as the phone gave it, and how far that is from the customer's coordinates.</summary>
public sealed record CheckPoint(DateTimeOffset At, double Latitude, double Longitude, CoordinateDatum Datum, double? MetersFromCustomer);

/// <summary>
/// One visit of a rep to a customer (客户拜访): scheduled for a day, checked in and out on site with the position, then
/// reported and reviewed by the branch manager. A visit outside any plan is ad hoc. A check-in far from the customer's
/// coordinates is flagged for the manager, not refused. The customer's region and owner at scheduling scope access.
/// </summary>
public sealed class Visit : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private readonly List<ReviewStep> reviews = [];

    private Visit()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private init; } = "";
    public string Region { get; private init; } = "";

    /// <summary>The rep who makes the visit.</summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>The version of the customer's card the owner comes from, so that an older owner change arriving late is ignored.</summary>
    public long OwnerCardVersion { get; private set; }

    public DateOnly ScheduledFor { get; private set; }

    /// <summary>The plan the visit belongs to; null for an ad-hoc visit.</summary>
    public Guid? PlanId { get; private set; }

    public bool AdHoc => PlanId is null;
    public VisitStatus Status { get; private set; }
    public CheckPoint? CheckIn { get; private set; }
    public CheckPoint? CheckOut { get; private set; }

    /// <summary>When the visit was completed on site (checked out): the date the visit frequency counts from.</summary>
    public DateTimeOffset? CheckedOutAt { get; private set; }

    /// <summary>Set when the check-in was farther from the customer than the service allows.</summary>
    public bool CheckInFlagged { get; private set; }

    public string Note { get; private set; } = "";
    public string? CancellationReason { get; private set; }
    public VisitReport? Report { get; private set; }
    public ReportStatus? ReportStatus { get; private set; }
    public IReadOnlyList<ReviewStep> Reviews => reviews;

    /// <summary>Set once the report's complaint went to Complaints: a resubmission files it no second time.</summary>
    public bool ComplaintFiled { get; private set; }

    /// <summary>Set once the report's proposal to deregister the customer went to Customers.</summary>
    public bool DeregistrationProposed { get; private set; }

    /// <summary>The grade the last submission proposed, so that a resubmission proposes again only when it changed.</summary>
    public CustomerGrade? LastSubmittedGrade { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public long Version { get; private set; }

    /// <param name="cardVersion">The version of the customer's card the owner was read from.</param>
    public static Visit Schedule(
        string number, Guid customerId, string customerName, string region, string ownerId, long cardVersion, DateOnly day, Guid? planId, string note,
        string by, DateTimeOffset at)
    {
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            CustomerId = customerId,
            CustomerName = customerName,
            Region = region,
            OwnerId = ownerId,
            OwnerCardVersion = cardVersion,
            ScheduledFor = day,
            PlanId = planId,
            Status = VisitStatus.Scheduled,
            Note = note,
            CreatedAt = at,
            CreatedBy = by,
            Version = 1,
        };
        visit.Raise(new VisitScheduledDomainEvent(visit.Snapshot, by, at));
        return visit;
    }

    /// <summary>What the events carry: the visit as it stands after the change.</summary>
    public VisitFacts Snapshot => new(Id, Number, CustomerId, Region, OwnerId, ScheduledFor, AdHoc, Version);

    /// <param name="metersFromCustomer">Null when the customer's card has no coordinates.</param>
    /// <param name="flagBeyondMeters">A check-in farther than this is flagged.</param>
    public void CheckInAt(CheckPoint point, double flagBeyondMeters, string note, string by)
    {
        Require(VisitStatus.Scheduled, "checked in");
        Status = VisitStatus.CheckedIn;
        CheckIn = point;
        CheckInFlagged = point.MetersFromCustomer > flagBeyondMeters;
        Note = note.Length > 0 ? note : Note;
        Version++;
        Raise(new VisitCheckedInDomainEvent(Snapshot, point, CheckInFlagged, by, point.At));
    }

    public void CheckOutAt(CheckPoint point, string note, string by)
    {
        Require(VisitStatus.CheckedIn, "checked out");
        Status = VisitStatus.CheckedOut;
        CheckOut = point;
        // Stored as an instant (PostgreSQL keeps UTC only), whatever offset the caller's clock gave.
        CheckedOutAt = point.At.ToUniversalTime();
        Note = note.Length > 0 ? note : Note;
        Version++;
        Raise(new VisitCheckedOutDomainEvent(Snapshot, point, by, point.At));
    }

    /// <summary>Moves a visit not yet made to another day.</summary>
    public void Reschedule(DateOnly day, string reason, string by, DateTimeOffset at)
    {
        Require(VisitStatus.Scheduled, "moved");
        var from = ScheduledFor;
        ScheduledFor = day;
        Version++;
        Raise(new VisitRescheduledDomainEvent(Snapshot, from, reason, by, at));
    }

    /// <summary>
    /// The customer has a new owner: a visit not yet made becomes theirs, outside the previous owner's plan (an ad-hoc
    /// visit of the new owner until they plan it). Card versions order the changes, so an older one arriving late is ignored.
    /// </summary>
    public void Reassign(string ownerId, long cardVersion, string by, DateTimeOffset at)
    {
        if (Status != VisitStatus.Scheduled || OwnerId == ownerId || cardVersion <= OwnerCardVersion)
        {
            return;
        }

        var previous = OwnerId;
        OwnerId = ownerId;
        OwnerCardVersion = cardVersion;
        PlanId = null;
        Version++;
        Raise(new VisitReassignedDomainEvent(Snapshot, previous, by, at));
    }

    public void Cancel(string reason, string by, DateTimeOffset at)
    {
        Require(VisitStatus.Scheduled, "cancelled");
        Status = VisitStatus.Cancelled;
        CancellationReason = reason;
        Version++;
        Raise(new VisitCancelledDomainEvent(Snapshot, reason, by, at));
    }

    /// <summary>Writes or revises the report; a submitted or approved report is no longer the rep's to change.</summary>
    public void WriteReport(VisitReport report, string by, DateTimeOffset at)
    {
        if (Status == VisitStatus.Cancelled)
        {
            throw new DomainRuleException($"Visit {Number} was cancelled; it has no report.");
        }

        if (ReportStatus is Domain.ReportStatus.Submitted or Domain.ReportStatus.Approved)
        {
            throw new DomainRuleException($"The report of visit {Number} is {ReportStatus}; it can no longer be changed.");
        }

        Report = report;
        ReportStatus ??= Domain.ReportStatus.Draft;
        Version++;
        Raise(new VisitReportWrittenDomainEvent(Snapshot, by, at));
    }

    /// <summary>Sends the report to the manager; the first submission completes the visit.</summary>
    public void SubmitReport(string by, DateTimeOffset at)
    {
        if (Status != VisitStatus.CheckedOut)
        {
            throw new DomainRuleException($"Visit {Number} is {Status}; a report is submitted after checking out.");
        }

        if (Report is null || ReportStatus is not (Domain.ReportStatus.Draft or Domain.ReportStatus.Returned))
        {
            throw new DomainRuleException(Report is null
                ? $"Visit {Number} has no report to submit."
                : $"The report of visit {Number} is {ReportStatus}; only a draft or a returned report can be submitted.");
        }

        var first = ReportStatus == Domain.ReportStatus.Draft;
        var previouslyProposed = first ? null : LastSubmittedGrade;
        ReportStatus = Domain.ReportStatus.Submitted;
        reviews.Add(new ReviewStep(first ? ReviewAction.Submitted : ReviewAction.Resubmitted, by, at, null));
        LastSubmittedGrade = Report.ProposedGrade;
        var fileComplaint = Report.Complaint is not null && !ComplaintFiled;
        ComplaintFiled |= fileComplaint;
        var proposeDeregistration = Report.DeregistrationReason is not null && !DeregistrationProposed;
        DeregistrationProposed |= proposeDeregistration;
        Version++;
        Raise(new VisitReportSubmittedDomainEvent(Snapshot, CheckIn!, CheckOut!, CheckInFlagged, Report, first,
            GradeProposalIsNew: Report.ProposedGrade is not null && Report.ProposedGrade != previouslyProposed, fileComplaint, proposeDeregistration, by, at));
    }

    public void Review(bool approve, string? comment, string by, DateTimeOffset at)
    {
        if (ReportStatus != Domain.ReportStatus.Submitted)
        {
            throw new DomainRuleException($"The report of visit {Number} is {(ReportStatus?.ToString() ?? "not written")}; only a submitted report is reviewed.");
        }

        if (by == OwnerId)
        {
            throw new DomainRuleException($"The report of visit {Number} is yours; another manager reviews it.");
        }

        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("A returned report needs a comment saying what to revise.");
        }

        ReportStatus = approve ? Domain.ReportStatus.Approved : Domain.ReportStatus.Returned;
        var step = new ReviewStep(approve ? ReviewAction.Approved : ReviewAction.Returned, by, at, comment);
        reviews.Add(step);
        Version++;
        Raise(new VisitReportReviewedDomainEvent(Snapshot, step, by, at));
    }

    private void Require(VisitStatus status, string what)
    {
        if (Status != status)
        {
            throw new DomainRuleException($"Visit {Number} is {Status}; only a {status.ToString().ToLowerInvariant()} visit can be {what}.");
        }
    }
}
