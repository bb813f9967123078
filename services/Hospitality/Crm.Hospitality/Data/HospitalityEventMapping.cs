using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Data;

/// <summary>The one place where the Hospitality service decides which integration events a domain event publishes.</summary>
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
}
