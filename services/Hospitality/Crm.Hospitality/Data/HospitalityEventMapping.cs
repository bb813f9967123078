using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Data;

/// <summary>The one place where the Hospitality service decides which integration events a domain event publishes, and its audit line.</summary>
internal static class HospitalityEventMapping
{
    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        ApplicationSubmittedDomainEvent e =>
        [
            new HospitalityRequested
            {
                OccurredAt = e.OccurredAt, Version = e.Application.Version, ApplicationId = e.Application.Id, Number = e.Application.Number,
                CustomerId = e.Application.CustomerId, Region = e.Application.Region, VisitStart = e.Application.Start, VisitEnd = e.Application.End,
                Rule = e.Rule, Urgent = e.Application.Urgent, AppliedBy = e.By,
            },
            Notify(e.Application, e.FirstStep.Role, null, e.OccurredAt, $"{e.FirstStep.Action} hospitality application {e.Application.Number} ({e.Application.CustomerName}, {e.Application.Start:yyyy-MM-dd HH:mm})."),
        ],
        ApprovalStepReachedDomainEvent e =>
        [
            Notify(e.Application, e.Step.Role, null, e.OccurredAt, $"{e.Step.Action} hospitality application {e.Application.Number} ({e.Application.CustomerName}, {e.Application.Start:yyyy-MM-dd HH:mm})."),
        ],
        ApplicationApprovedDomainEvent e =>
        [
            new HospitalityApproved
            {
                OccurredAt = e.OccurredAt, Version = e.Application.Version, ApplicationId = e.Application.Id, Number = e.Application.Number,
                CustomerId = e.Application.CustomerId, Region = e.Application.Region, VisitStart = e.Application.Start, VisitEnd = e.Application.End,
                ApprovedBy = e.By,
            },
            Notify(e.Application, Roles.FrontDesk, null, e.OccurredAt, $"Visit {e.Application.Number} of {e.Application.CustomerName} approved for {e.Application.Start:yyyy-MM-dd HH:mm}."),
        ],
        ApplicationReturnedDomainEvent e =>
        [
            Notify(e.Application, null, e.Application.OwnerId, e.OccurredAt, $"Hospitality application {e.Application.Number} returned by the {e.Step.Role}: {e.Comment}"),
        ],
        ApplicationRejectedDomainEvent e =>
        [
            new HospitalityRejected
            {
                OccurredAt = e.OccurredAt, Version = e.Application.Version, ApplicationId = e.Application.Id, Number = e.Application.Number,
                CustomerId = e.Application.CustomerId, Region = e.Application.Region, VisitStart = e.Application.Start, VisitEnd = e.Application.End,
                RejectedBy = e.By, Reason = e.Comment,
            },
            Notify(e.Application, null, e.Application.OwnerId, e.OccurredAt, $"Hospitality application {e.Application.Number} rejected by the {e.Step.Role}: {e.Comment}"),
        ],
        VisitCompletedDomainEvent e => Completed(e),
        PhotographyDecidedDomainEvent { Photography: PhotographyDecision.Allowed or PhotographyDecision.Refused } e =>
        [
            Notify(e.Application, Roles.FrontDesk, null, e.OccurredAt,
                $"Photography on visit {e.Application.Number} ({e.Application.CustomerName}): {e.Photography} by the {e.Role}."),
        ],
        PermitRevokedDomainEvent e =>
        [
            Notify(e.Application, Roles.FrontDesk, null, e.OccurredAt, $"Permit {e.PermitNumber} for {e.Application.CustomerName} was revoked: {e.Reason}"),
        ],
        VisitorPassedGateDomainEvent { In: true } e =>
        [
            new VisitorCheckedIn
            {
                OccurredAt = e.OccurredAt, Version = e.Application.Version, ApplicationId = e.Application.Id, Number = e.Application.Number,
                CustomerId = e.Application.CustomerId, Region = e.Application.Region, VisitStart = e.Application.Start, VisitEnd = e.Application.End,
                Visitor = e.Visitor, RecordedBy = e.By,
            },
        ],
        VisitorPassedGateDomainEvent e =>
        [
            new VisitorCheckedOut
            {
                OccurredAt = e.OccurredAt, Version = e.Application.Version, ApplicationId = e.Application.Id, Number = e.Application.Number,
                CustomerId = e.Application.CustomerId, Region = e.Application.Region, VisitStart = e.Application.Start, VisitEnd = e.Application.End,
                Visitor = e.Visitor, RecordedBy = e.By,
            },
        ],
        _ => [],
    };

    private static IEnumerable<IntegrationEvent> Completed(VisitCompletedDomainEvent e)
    {
        var a = e.Application;
        yield return new HospitalityCompleted
        {
            OccurredAt = e.OccurredAt, Version = a.Version, ApplicationId = a.Id, Number = a.Number, CustomerId = a.CustomerId, Region = a.Region,
            VisitStart = a.Start, VisitEnd = a.End, Outcome = e.Outcome.Outcome, Impressions = e.Outcome.Impressions,
            ProposedGrade = e.Outcome.ProposedGrade, RecordedBy = e.Outcome.By,
        };
        if (e.Outcome.ProposedGrade is { } grade)
        {
            yield return new CustomerGradeProposed
            {
                OccurredAt = e.OccurredAt, Version = a.Version, CustomerId = a.CustomerId, ProposedGrade = grade, Source = "hospitality",
                SourceId = a.Id.ToString(), Reason = e.Outcome.GradeReason ?? $"Visit {a.Number} to the company", ProposedBy = e.Outcome.By,
            };
        }
    }

    private static HospitalityNotification Notify(ApplicationFacts a, string? role, string? user, DateTimeOffset at, string message) => new()
    {
        OccurredAt = at, Version = a.Version, ApplicationId = a.Id, Number = a.Number, ToRole = role, ToUser = user, Region = a.Region,
        Channel = a.Urgent ? "phone" : "form", Message = message,
    };

    /// <summary>The audit line of a change: who, which application, and what was decided; a permit is issued by the platform itself.</summary>
    public static AuditLine? ToAudit(IDomainEvent domainEvent) => domainEvent switch
    {
        ApplicationSubmittedDomainEvent e => new(e.By, AuditActions.Submitted, e.Application.Id,
            new { number = e.Application.Number, customerId = e.Application.CustomerId, start = e.Application.Start, end = e.Application.End, urgent = e.Application.Urgent, rule = e.Rule, waitingFor = e.FirstStep.Role }),
        ApprovalStepReachedDomainEvent e => new(e.By, AuditActions.StepApproved, e.Application.Id,
            new { number = e.Application.Number, role = e.Approved.Role, waitingFor = e.Step.Role }),
        ApplicationApprovedDomainEvent e => new(e.By, AuditActions.Approved, e.Application.Id, new { number = e.Application.Number }),
        ApplicationReturnedDomainEvent e => new(e.By, AuditActions.Returned, e.Application.Id, new { number = e.Application.Number, role = e.Step.Role, comment = e.Comment }),
        ApplicationRejectedDomainEvent e => new(e.By, AuditActions.Rejected, e.Application.Id, new { number = e.Application.Number, role = e.Step.Role, comment = e.Comment }),
        PaperworkCompletedDomainEvent e => new(e.By, AuditActions.PaperworkCompleted, e.Application.Id, new { number = e.Application.Number }),
        PhotographyDecidedDomainEvent e => new(e.By, AuditActions.PhotographyDecided, e.Application.Id,
            new { number = e.Application.Number, role = e.Role, allow = e.Allow, photography = e.Photography }),
        PermitIssuedDomainEvent e => new(AuditEntry.System, AuditActions.PermitIssued, e.Application.Id,
            new { number = e.Application.Number, permit = e.PermitNumber, reception = e.Reception.Name }),
        PermitRevokedDomainEvent e => new(e.By, AuditActions.PermitRevoked, e.Application.Id, new { number = e.Application.Number, permit = e.PermitNumber, reason = e.Reason }),
        VisitorPassedGateDomainEvent e => new(e.By, AuditActions.VisitorPassedGate, e.Application.Id, new { number = e.Application.Number, visitor = e.Visitor, entering = e.In }),
        VisitCompletedDomainEvent e => new(e.Outcome.By, AuditActions.VisitCompleted, e.Application.Id,
            new { number = e.Application.Number, outcome = e.Outcome.Outcome, proposedGrade = e.Outcome.ProposedGrade, gradeReason = e.Outcome.GradeReason }),
        _ => null,
    };
}
