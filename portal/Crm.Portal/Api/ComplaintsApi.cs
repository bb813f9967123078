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
}
