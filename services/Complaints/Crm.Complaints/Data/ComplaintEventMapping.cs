using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Data;

/// <summary>
/// The one place where the Complaints service decides which integration events a domain event publishes, each carrying
/// what Customers needs for the service history, and its audit line. Work inside the department (start, wait, assign,
/// return visit) publishes nothing but is audited like the rest.
/// </summary>
internal static class ComplaintEventMapping
{
    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        CalendarAnnouncedDomainEvent e =>
        [
            new BusinessCalendarChanged
            {
                OccurredAt = e.OccurredAt, Version = e.Version, Code = e.Code, Name = e.Name, TimeZoneId = e.TimeZoneId, IsDefault = e.IsDefault,
                Regions = e.Regions, WorkingDays = e.WorkingDays,
                WorkingPeriods = e.WorkingPeriods.Select(p => new WorkingHours(p.Start, p.End)).ToList(),
                Holidays = e.Exceptions.Where(x => !x.IsWorkingDay).Select(x => x.Date).ToList(),
                MakeUpWorkingDays = e.Exceptions.Where(x => x.IsWorkingDay).Select(x => x.Date).ToList(),
            },
        ],
        ComplaintFiledDomainEvent e =>
        [
            new ComplaintFiled
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, Channel = e.Channel, ProductLine = e.ProductLine, RecordedBy = e.By,
            },
        ],
        ComplaintRoutedDomainEvent e =>
        [
            new ComplaintRouted
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, Department = e.Department, Queue = e.Queue, AssigneeId = e.AssigneeId,
                RuleId = e.RuleId, RuleSetVersion = e.RuleSetVersion, Reason = e.Reason,
            },
        ],
        ComplaintEscalatedDomainEvent e =>
        [
            new ComplaintEscalated
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, Level = e.Level, Reason = e.Reason, EscalatedTo = e.EscalatedTo, Department = e.Complaint.Department,
            },
        ],
        ComplaintResolvedDomainEvent e =>
        [
            new ComplaintResolved
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, RootCause = e.RootCause, Fix = e.Fix, ResolvedBy = e.By, WithinSla = e.WithinSla,
            },
        ],
        ComplaintClosedDomainEvent e =>
        [
            new ComplaintClosed
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, Satisfaction = e.Satisfaction,
            },
        ],
        ComplaintReopenedDomainEvent e =>
        [
            new ComplaintReopened
            {
                OccurredAt = e.OccurredAt, Version = e.Complaint.Version, ComplaintId = e.Complaint.Id, Number = e.Complaint.Number,
                CustomerId = e.Complaint.CustomerId, Region = e.Complaint.Region, Type = e.Complaint.Type, Severity = e.Complaint.Severity,
                OwnerId = e.Complaint.OwnerId, ReopenedBy = e.By, Reason = e.Reason, ReopenCount = e.ReopenCount, Department = e.Complaint.Department,
            },
        ],
        _ => [],
    };

    /// <summary>The audit line of a step of a complaint: who, which complaint, and what changed (an escalation is the system's).</summary>
    public static AuditLine? ToAudit(IDomainEvent domainEvent) => domainEvent switch
    {
        ComplaintFiledDomainEvent e => Line(e, AuditActions.Filed,
            new { number = e.Complaint.Number, customerId = e.Complaint.CustomerId, type = e.Complaint.Type, severity = e.Complaint.Severity, channel = e.Channel, productLine = e.ProductLine }),
        ComplaintRoutedDomainEvent e => Line(e, AuditActions.Routed,
            new { number = e.Complaint.Number, department = e.Department, queue = e.Queue, assigneeId = e.AssigneeId, ruleId = e.RuleId, ruleSetVersion = e.RuleSetVersion, reason = e.Reason }),
        ComplaintStartedDomainEvent e => Line(e, AuditActions.Started, new { number = e.Complaint.Number, status = e.Complaint.Status }),
        ComplaintWaitingOnCustomerDomainEvent e => Line(e, AuditActions.WaitingOnCustomer, new { number = e.Complaint.Number, note = e.Note }),
        ComplaintCustomerRespondedDomainEvent e => Line(e, AuditActions.CustomerResponded, new { number = e.Complaint.Number, note = e.Note }),
        ComplaintAssignedDomainEvent e => Line(e, AuditActions.Assigned, new { number = e.Complaint.Number, changes = new[] { new FieldChange("assigneeId", e.PreviousAssigneeId, e.AssigneeId) } }),
        ComplaintEscalatedDomainEvent e => Line(e, AuditActions.Escalated, new { number = e.Complaint.Number, step = e.Step, level = e.Level, reason = e.Reason, escalatedTo = e.EscalatedTo }),
        ComplaintResolvedDomainEvent e => Line(e, AuditActions.Resolved, new { number = e.Complaint.Number, rootCause = e.RootCause, fix = e.Fix, withinSla = e.WithinSla }),
        ComplaintClosedDomainEvent e => Line(e, AuditActions.Closed, new { number = e.Complaint.Number, satisfaction = e.Satisfaction }),
        ComplaintReopenedDomainEvent e => Line(e, AuditActions.Reopened,
            new { number = e.Complaint.Number, changes = new[] { new FieldChange("status", e.From.ToString(), e.Complaint.Status.ToString()) }, reason = e.Reason, reopenCount = e.ReopenCount }),
        ComplaintReturnVisitRecordedDomainEvent e => Line(e, AuditActions.ReturnVisitRecorded, new { number = e.Complaint.Number, satisfaction = e.Satisfaction, note = e.Note }),
        _ => null,
    };

    private static AuditLine Line(ComplaintDomainEvent e, string action, object details) =>
        new(e.By, action, e.Complaint.Id, details);
}
