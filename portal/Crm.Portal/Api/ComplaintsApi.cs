using System.Globalization;
using Crm.IntegrationEvents;

namespace Crm.Portal.Api;

public enum ComplaintStatus { New, Routed, InProgress, WaitingOnCustomer, Resolved, Closed }

public enum SlaState { OnTime, AtRisk, Breached }

public sealed record Sla(
    SlaState SlaState, bool ClockRunning, string Calendar, double FirstResponseTargetHours, double ResolutionTargetHours, double AtRiskShare,
    DateTimeOffset FirstResponseDueAt, DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolutionDueAt, double BusinessHoursUsed,
    double BusinessHoursLeft, bool? ResolvedWithinSla);

public sealed record Complaint(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, CustomerTier CustomerTier, CustomerGrade CustomerGrade,
    ComplaintChannel Channel, ComplaintType Type, ComplaintSeverity Severity, string? ProductLine, string Description, string ContactPerson,
    string RecordedBy, DateTimeOffset FiledAt, ComplaintStatus Status, string? Department, string? Queue, string? AssigneeId,
    Guid? RuleId, int? RuleSetVersion, Sla Sla, int EscalationLevel, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? RootCause, string? Fix,
    DateTimeOffset? ClosedAt, int? Satisfaction, string? ReturnVisitNote, DateTimeOffset? ReturnVisitAt, int ReopenCount, long Version);

public sealed record ComplaintTimelineEntry(DateTimeOffset At, string By, string Action, string? Detail, ComplaintStatus? FromStatus, ComplaintStatus ToStatus);

public sealed record Department(string Code, string Name, string? HeadUserId, long Version);

public sealed record RoutingRule(
    Guid Id, string Name, IReadOnlyList<ComplaintType> Types, IReadOnlyList<string> ProductLines, IReadOnlyList<string> Regions,
    IReadOnlyList<ComplaintSeverity> Severities, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerGrade> Grades,
    IReadOnlyList<ComplaintChannel> Channels, string Department, string? Queue, string? AssigneeId);

public sealed record RuleSet(int Version, IReadOnlyList<RoutingRule> Rules, string DefaultDepartment, string? DefaultQueue, DateTimeOffset PublishedAt, string PublishedBy, string? Note);

public sealed record RuleSetSummary(int Version, string DefaultDepartment, DateTimeOffset PublishedAt, string PublishedBy, string? Note);

/// <summary>The next version of the routing rules as the editor holds it (the API's publish request).</summary>
public sealed record RuleSetDraft(string? DefaultDepartment, IReadOnlyList<RoutingRule> Rules, string? DefaultQueue, string? Note);

/// <summary>A sample complaint for the dry run, by the draft when there is one; names match the API's fields.</summary>
public sealed class RoutingSample
{
    public ComplaintType? Type { get; set; } = ComplaintType.ProductQuality;
    public ComplaintSeverity? Severity { get; set; } = ComplaintSeverity.Medium;
    public ComplaintChannel? Channel { get; set; } = ComplaintChannel.Phone;
    public string? Region { get; set; } = "EAST";
    public CustomerTier? Tier { get; set; } = CustomerTier.Ordinary;
    public CustomerGrade? Grade { get; set; } = CustomerGrade.C;
    public string? ProductLine { get; set; }
    public RuleSetDraft? Draft { get; set; }
}

public sealed record RuleEvaluation(int Position, Guid RuleId, string RuleName, bool Matched, IReadOnlyList<string> Mismatches);

public sealed record DryRunResult(
    int RuleSetVersion, Guid? RuleId, string? RuleName, bool ByDefault, string Department, string? Queue, string? AssigneeId,
    string Explanation, IReadOnlyList<RuleEvaluation> Evaluated);

public sealed record SlaTarget(ComplaintSeverity Severity, CustomerTier Tier, double FirstResponseHours, double ResolutionHours);

public sealed record SlaPolicies(double AtRiskShare, double OverdueShare, IReadOnlyList<SlaTarget> Targets);

/// <summary>The SLA policies as their form holds them; names match the API's fields.</summary>
public sealed class SlaPoliciesEdit(SlaPolicies policies)
{
    public double? AtRiskShare { get; set; } = policies.AtRiskShare;
    public double? OverdueShare { get; set; } = policies.OverdueShare;
    public List<SlaTargetEdit> Targets { get; } = policies.Targets.Select(t => new SlaTargetEdit(t)).ToList();
}

public sealed class SlaTargetEdit(SlaTarget target)
{
    public ComplaintSeverity Severity { get; } = target.Severity;
    public CustomerTier Tier { get; } = target.Tier;
    public double? FirstResponseHours { get; set; } = target.FirstResponseHours;
    public double? ResolutionHours { get; set; } = target.ResolutionHours;
}

public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End);

public sealed record CalendarException(DateOnly Date, bool IsWorkingDay, string Name);

public sealed record WorkingCalendar(
    string Code, string Name, string TimeZoneId, bool IsDefault, IReadOnlyList<string> Regions, IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<WorkingPeriod> WorkingPeriods, IReadOnlyList<CalendarException> Exceptions, long Version);

/// <summary>A business calendar as its form holds it; names match the API's fields.</summary>
public sealed class CalendarEdit(WorkingCalendar calendar)
{
    public string Code { get; } = calendar.Code;
    public long Version { get; } = calendar.Version;
    public string? Name { get; set; } = calendar.Name;
    public string? TimeZoneId { get; set; } = calendar.TimeZoneId;
    public bool IsDefault { get; set; } = calendar.IsDefault;
    public List<string> Regions { get; set; } = [.. calendar.Regions];
    public IEnumerable<DayOfWeek> WorkingDays { get; set; } = calendar.WorkingDays;
    public List<WorkingPeriod> WorkingPeriods { get; set; } = [.. calendar.WorkingPeriods];
    public List<CalendarException> Exceptions { get; set; } = [.. calendar.Exceptions];
}

public sealed record SlaComplianceRow(string? Department, ComplaintType Type, int Resolved, int ResolvedWithinSla, double? CompliancePercent, int OpenBreached);

public sealed record ResolutionTimeRow(string? Department, int Resolved, double MeanHours, double P90Hours, double MeanBusinessHours, double P90BusinessHours);

public sealed record RepeatComplaintsRow(Guid CustomerId, string CustomerName, string Region, string OwnerId, int Complaints, DateTimeOffset FirstFiledAt, DateTimeOffset LastFiledAt);

/// <summary>A complaint as the filing form holds it; names match the API's fields.</summary>
public sealed class NewComplaint
{
    public Guid? CustomerId { get; set; }
    public ComplaintChannel? Channel { get; set; } = ComplaintChannel.Phone;
    public ComplaintType? Type { get; set; }
    public ComplaintSeverity? Severity { get; set; } = ComplaintSeverity.Medium;
    public string? Description { get; set; }
    public string? ContactPerson { get; set; }
    public string? ProductLine { get; set; }
}

public sealed record ComplaintFilter(ComplaintStatus? Status = null, ComplaintSeverity? Severity = null, string? Department = null, Guid? CustomerId = null);

/// <summary>The Complaints service's API (<c>/api/complaints</c>).</summary>
public sealed class ComplaintsApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<AuditEntry>> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        AuditAsync("/api/complaints/audit", filter, page, pageSize, cancellationToken);

    public Task<PagedList<Complaint>> ListAsync(ComplaintFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<Complaint>>(WithQuery("/api/complaints",
            ("status", filter.Status?.ToString()), ("severity", filter.Severity?.ToString()), ("department", filter.Department),
            ("customerId", filter.CustomerId?.ToString()), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<ApiResult<Complaint>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Complaint>($"/api/complaints/{id}", cancellationToken);

    public Task<IReadOnlyList<ComplaintTimelineEntry>> TimelineAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ComplaintTimelineEntry>>($"/api/complaints/{id}/timeline", cancellationToken);

    public Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Department>>("/api/complaints/departments", cancellationToken);

    public Task<ApiResult<Complaint>> FileAsync(NewComplaint complaint, CancellationToken cancellationToken = default) =>
        PostAsync<Complaint>("/api/complaints", complaint, cancellationToken);

    /// <summary>One step of the work on a complaint: start, wait-on-customer, customer-responded, resolve, close, reopen, transfer, assign, return-visit.</summary>
    public Task<ApiResult<Complaint>> ActAsync(Guid id, long version, string action, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<Complaint>(HttpMethod.Post, $"/api/complaints/{id}/{action}", body ?? new { }, version, cancellationToken);

    public Task<ApiResult<Department>> PutDepartmentAsync(string code, string? name, string? headUserId, long? version, CancellationToken cancellationToken = default) =>
        SendAsync<Department>(HttpMethod.Put, $"/api/complaints/departments/{Uri.EscapeDataString(code)}", new { name, headUserId }, version, cancellationToken);

    public Task<IReadOnlyList<RuleSetSummary>> RuleSetsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RuleSetSummary>>("/api/complaints/routing/rule-sets", cancellationToken);

    public Task<RuleSet> RuleSetAsync(int version, CancellationToken cancellationToken = default) =>
        GetAsync<RuleSet>($"/api/complaints/routing/rule-sets/{Number(version)}", cancellationToken);

    /// <summary>Publishes the version after <paramref name="replacing"/>; refused when someone published meanwhile.</summary>
    public Task<ApiResult<RuleSet>> PublishRuleSetAsync(RuleSetDraft draft, int replacing, CancellationToken cancellationToken = default) =>
        SendAsync<RuleSet>(HttpMethod.Post, "/api/complaints/routing/rule-sets", draft, replacing, cancellationToken);

    public Task<ApiResult<DryRunResult>> DryRunAsync(RoutingSample sample, CancellationToken cancellationToken = default) =>
        PostAsync<DryRunResult>("/api/complaints/routing/dry-run", sample, cancellationToken);

    public Task<SlaPolicies> SlaPoliciesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<SlaPolicies>("/api/complaints/sla-policies", cancellationToken);

    /// <summary>The SLA policies with the tag of the set as read, which their edit sends back.</summary>
    public Task<ApiResult<SlaPolicies>> SlaPoliciesToEditAsync(CancellationToken cancellationToken = default) =>
        GetTaggedAsync<SlaPolicies>("/api/complaints/sla-policies", cancellationToken);

    public Task<ApiResult<SlaPolicies>> PutSlaPoliciesAsync(SlaPoliciesEdit policies, string? readTag, CancellationToken cancellationToken = default) =>
        SendMatchingAsync<SlaPolicies>(HttpMethod.Put, "/api/complaints/sla-policies", policies, readTag, cancellationToken);

    public Task<IReadOnlyList<WorkingCalendar>> CalendarsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WorkingCalendar>>("/api/complaints/calendars", cancellationToken);

    public Task<ApiResult<WorkingCalendar>> PutCalendarAsync(CalendarEdit calendar, CancellationToken cancellationToken = default) =>
        SendAsync<WorkingCalendar>(HttpMethod.Put, $"/api/complaints/calendars/{Uri.EscapeDataString(calendar.Code)}", calendar, calendar.Version, cancellationToken);

    public Task<IReadOnlyList<SlaComplianceRow>> SlaComplianceAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<SlaComplianceRow>>(Period("/api/complaints/reports/sla-compliance", from, to), cancellationToken);

    public Task<IReadOnlyList<ResolutionTimeRow>> ResolutionTimesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ResolutionTimeRow>>(Period("/api/complaints/reports/resolution-times", from, to), cancellationToken);

    public Task<IReadOnlyList<RepeatComplaintsRow>> RepeatComplaintsAsync(DateTimeOffset from, DateTimeOffset to, int minimum, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RepeatComplaintsRow>>(WithQuery(Period("/api/complaints/reports/repeat-complaints", from, to), ("minimum", Number(minimum))), cancellationToken);

    private static string Period(string path, DateTimeOffset from, DateTimeOffset to) =>
        WithQuery(path, ("from", from.ToString("O", CultureInfo.InvariantCulture)), ("to", to.ToString("O", CultureInfo.InvariantCulture)));
}
