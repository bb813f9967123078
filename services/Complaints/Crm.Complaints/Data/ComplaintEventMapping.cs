using Crm.BuildingBlocks.Domain;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Data;

/// <summary>
/// The one place where the Complaints service decides which integration events a domain event publishes, each carrying
/// what Customers needs for the service history. Work inside the department (start, wait, assign, return visit) stays inside.
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
}
