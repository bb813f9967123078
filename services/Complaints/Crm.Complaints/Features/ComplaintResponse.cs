using Crm.BuildingBlocks.Calendars;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Features;

/// <summary>
/// A complaint as clients see it, with its SLA as of now: due instants (null while the clock is stopped waiting on the
/// customer, since no deadline exists then), business time used and left, and the SLA state.
/// </summary>
public sealed record ComplaintResponse(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, CustomerTier CustomerTier, CustomerGrade CustomerGrade,
    ComplaintChannel Channel, ComplaintType Type, ComplaintSeverity Severity, string? ProductLine, string Description, string ContactPerson,
    string RecordedBy, DateTimeOffset FiledAt, ComplaintStatus Status, string? Department, string? Queue, string? AssigneeId,
    Guid? RuleId, int? RuleSetVersion, SlaResponse Sla, int EscalationLevel,
    DateTimeOffset? ResolvedAt, string? ResolvedBy, string? RootCause, string? Fix, DateTimeOffset? ClosedAt,
    int? Satisfaction, string? ReturnVisitNote, DateTimeOffset? ReturnVisitAt, int ReopenCount, long Version, Guid? VisitId = null)
{
    public static ComplaintResponse From(Complaint c, BusinessCalendar calendar, DateTimeOffset now) => new(
        c.Id, c.Number, c.CustomerId, c.CustomerName, c.Region, c.OwnerId, c.CustomerTier, c.CustomerGrade, c.Channel, c.Type, c.Severity,
        c.ProductLine, c.Description, c.ContactPerson, c.RecordedBy, c.FiledAt, c.Status, c.Department, c.Queue, c.AssigneeId,
        c.RuleId, c.RuleSetVersion, SlaResponse.From(c, calendar, now), c.EscalationLevel,
        c.ResolvedAt, c.ResolvedBy, c.RootCause, c.Fix, c.ClosedAt, c.Satisfaction, c.ReturnVisitNote, c.ReturnVisitAt, c.ReopenCount, c.Version, c.VisitId);
}

public sealed record SlaResponse(
    SlaState SlaState, bool ClockRunning, string Calendar,
    double FirstResponseTargetHours, double ResolutionTargetHours, double AtRiskShare,
    DateTimeOffset FirstResponseDueAt, DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolutionDueAt, double BusinessHoursUsed, double BusinessHoursLeft, bool? ResolvedWithinSla)
{
    public static SlaResponse From(Complaint c, BusinessCalendar calendar, DateTimeOffset now)
    {
        var used = c.BusinessTimeUsedAt(calendar, now);
        return new SlaResponse(
            c.SlaStateAt(calendar, now), c.ClockRunning, c.CalendarCode,
            c.FirstResponseTarget.TotalHours, c.ResolutionTarget.TotalHours, c.AtRiskShare,
            c.FirstResponseDueAt, c.FirstRespondedAt,
            c.ClockRunning || c.ResolvedAt is not null ? c.ResolutionDueAt : null,
            Math.Round(used.TotalHours, 4), Math.Round(Math.Max(0, (c.ResolutionTarget - used).TotalHours), 4), c.ResolvedWithinSla);
    }
}
