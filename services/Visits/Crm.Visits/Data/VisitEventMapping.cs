using System.Globalization;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;
using Crm.Visits.Domain;

namespace Crm.Visits.Data;

/// <summary>The one place where the Visits service decides which integration events a domain event publishes, and its audit line.</summary>
internal static class VisitEventMapping
{
    /// <summary>The source Customers records for proposals (grade, deregistration) made by a visit.</summary>
    public const string ProposalSource = "visit";

    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        VisitScheduledDomainEvent e =>
        [
            new VisitPlanned
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, VisitId = e.Visit.Id, VisitNumber = e.Visit.Number, CustomerId = e.Visit.CustomerId,
                Region = e.Visit.Region, OwnerId = e.Visit.OwnerId, Day = e.Visit.ScheduledFor, AdHoc = e.Visit.AdHoc,
            },
        ],
        VisitReportSubmittedDomainEvent e => Submitted(e),
        VisitReportReviewedDomainEvent e =>
        [
            new VisitReportReviewed
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, VisitId = e.Visit.Id, VisitNumber = e.Visit.Number,
                CustomerId = e.Visit.CustomerId, OwnerId = e.Visit.OwnerId, Decision = e.Step.Action.ToString(),
                ReviewedBy = e.By, Comment = e.Step.Comment,
            },
        ],
        _ => [],
    };

    private static IEnumerable<IntegrationEvent> Submitted(VisitReportSubmittedDomainEvent e)
    {
        if (e.First)
        {
            yield return new VisitCompleted
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, VisitId = e.Visit.Id, VisitNumber = e.Visit.Number,
                CustomerId = e.Visit.CustomerId, Region = e.Visit.Region, OwnerId = e.Visit.OwnerId, AdHoc = e.Visit.AdHoc,
                CheckedInAt = e.CheckIn.At, CheckedOutAt = e.CheckOut.At, CheckInFlagged = e.CheckInFlagged,
                Purpose = e.Report.Purpose, Satisfaction = e.Report.Satisfaction, ProposedGrade = e.Report.ProposedGrade,
                NextStepDue = e.Report.NextSteps.Count > 0 ? e.Report.NextSteps.Min(s => s.Due) : null,
            };
        }

        if (e.FileComplaint)
        {
            var complaint = e.Report.Complaint!;
            yield return new ComplaintRaisedOnVisit
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, VisitId = e.Visit.Id, VisitNumber = e.Visit.Number,
                CustomerId = e.Visit.CustomerId, Type = complaint.Type, Severity = complaint.Severity, ProductLine = complaint.ProductLine,
                Description = complaint.Description, ContactPerson = complaint.ContactPerson, RaisedBy = e.By,
            };
        }

        if (e.ProposeDeregistration)
        {
            yield return new CustomerDeregistrationProposed
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, CustomerId = e.Visit.CustomerId, Source = ProposalSource,
                SourceId = e.Visit.Id.ToString(), Reason = e.Report.DeregistrationReason!, ProposedBy = e.By,
            };
        }

        if (e.GradeProposalIsNew)
        {
            yield return new CustomerGradeProposed
            {
                OccurredAt = e.OccurredAt, Version = e.Visit.Version, CustomerId = e.Visit.CustomerId,
                ProposedGrade = e.Report.ProposedGrade!.Value, Source = ProposalSource, SourceId = e.Visit.Id.ToString(),
                Reason = string.IsNullOrWhiteSpace(e.Report.GradeReason) ? $"Visit {e.Visit.Number}: {e.Report.Purpose}" : e.Report.GradeReason,
                ProposedBy = e.By,
            };
        }
    }

    /// <summary>The audit line of a change: who, which visit (or plan), and each changed field's old and new value.</summary>
    public static AuditLine? ToAudit(IDomainEvent domainEvent) => domainEvent switch
    {
        VisitScheduledDomainEvent e => new(e.By, AuditActions.Scheduled, e.Visit.Id,
            new { number = e.Visit.Number, customerId = e.Visit.CustomerId, ownerId = e.Visit.OwnerId, scheduledFor = e.Visit.ScheduledFor, adHoc = e.Visit.AdHoc }),
        VisitRescheduledDomainEvent e => new(e.By, AuditActions.Rescheduled, e.Visit.Id,
            new { number = e.Visit.Number, changes = new[] { new FieldChange("scheduledFor", Day(e.From), Day(e.Visit.ScheduledFor)) }, reason = e.Reason }),
        VisitReassignedDomainEvent e => new(e.By, AuditActions.Reassigned, e.Visit.Id,
            new { number = e.Visit.Number, changes = new[] { new FieldChange("ownerId", e.PreviousOwnerId, e.Visit.OwnerId) } }),
        VisitCheckedInDomainEvent e => new(e.By, AuditActions.CheckedIn, e.Visit.Id, new { number = e.Visit.Number, checkIn = e.Point, flagged = e.Flagged }),
        VisitCheckedOutDomainEvent e => new(e.By, AuditActions.CheckedOut, e.Visit.Id, new { number = e.Visit.Number, checkOut = e.Point }),
        VisitCancelledDomainEvent e => new(e.By, AuditActions.Cancelled, e.Visit.Id, new { number = e.Visit.Number, reason = e.Reason }),
        VisitReportWrittenDomainEvent e => new(e.By, AuditActions.ReportWritten, e.Visit.Id, new { number = e.Visit.Number }),
        VisitReportSubmittedDomainEvent e => new(e.By, AuditActions.ReportSubmitted, e.Visit.Id, new { number = e.Visit.Number, first = e.First, report = e.Report }),
        VisitReportReviewedDomainEvent e => new(e.By, AuditActions.ReportReviewed, e.Visit.Id,
            new { number = e.Visit.Number, review = e.Step.Action, comment = e.Step.Comment }),
        VisitFrequencyChangedDomainEvent e => new(e.By, AuditActions.FrequencyChanged, null,
            new { region = e.Region, before = new { ordinary = e.PreviousOrdinary, key = e.PreviousKey }, after = new { ordinary = e.Ordinary, key = e.Key } }),
        VisitPlanChangedDomainEvent e => new(e.By, AuditActions.Of(e.Action), e.PlanId,
            new { number = e.Number, ownerId = e.OwnerId, from = e.From, to = e.To, status = e.Status, detail = e.Detail }),
        _ => null,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
