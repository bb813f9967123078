using Crm.IntegrationEvents;

namespace Crm.Portal.Api;

public enum VisitStatus { Scheduled, CheckedIn, CheckedOut, Cancelled }

public enum ReportStatus { Draft, Submitted, Returned, Approved }

public enum ReviewAction { Submitted, Approved, Returned, Resubmitted }

public sealed record VisitSummary(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, DateOnly ScheduledFor, bool AdHoc,
    VisitStatus Status, bool CheckInFlagged, ReportStatus? ReportStatus, long Version);

public sealed record CheckPoint(DateTimeOffset At, double Latitude, double Longitude, CoordinateDatum Datum, double? MetersFromCustomer);

public sealed record NextStep(string Action, DateOnly Due);

public sealed record Objection(string Text, string Handling);

public sealed record CompetitorNote(string Competitor, string Product, decimal? Price, string Activity);

public sealed record VisitComplaint(ComplaintType Type, ComplaintSeverity Severity, string? ProductLine, string Description, string ContactPerson);

public sealed record VisitReport(
    string Purpose, string Needs, IReadOnlyList<Objection> Objections, string Suggestions, IReadOnlyList<CompetitorNote> Competitors, int Satisfaction,
    string TrainingGiven, IReadOnlyList<NextStep> NextSteps, CustomerGrade? ProposedGrade, string? GradeReason,
    VisitComplaint? Complaint = null, string? DeregistrationReason = null);

public sealed record ReviewStep(ReviewAction Action, string By, DateTimeOffset At, string? Comment);

public sealed record Visit(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, DateOnly ScheduledFor, bool AdHoc,
    VisitStatus Status, CheckPoint? CheckIn, CheckPoint? CheckOut, bool CheckInFlagged, string Note, string? CancellationReason,
    VisitReport? Report, ReportStatus? ReportStatus, IReadOnlyList<ReviewStep> Reviews, DateTimeOffset CreatedAt, string CreatedBy, long Version);

public enum PlanStatus { Draft, Submitted, Approved, Returned }

public enum PlanAction { Generated, Added, Moved, Dropped, Submitted, Approved, Returned }

public enum CoverageGrouping { Rep, Region }

public sealed record VisitPlanStep(PlanAction Action, string By, DateTimeOffset At, string? Detail, long Version);

public sealed record PlanDay(DateOnly Day, IReadOnlyList<VisitSummary> Visits);

public sealed record VisitPlan(
    Guid Id, string Number, string Region, string OwnerId, DateOnly From, DateOnly To, int VisitsPerDay, int MinutesPerVisit, PlanStatus Status,
    IReadOnlyList<VisitPlanStep> Steps, IReadOnlyList<PlanDay> Days, long Version)
{
    /// <summary>Drafts and returned plans are edited and submitted; a submitted plan waits for its review.</summary>
    public bool Editable => Status is PlanStatus.Draft or PlanStatus.Returned;

    public bool Covers(DateOnly day) => day >= From && day <= To;
}

public sealed record PlanSummary(Guid Id, string Number, string Region, string OwnerId, DateOnly From, DateOnly To, PlanStatus Status, long Version);

/// <summary>
/// A customer's next visit due, as the due list gives it and the coverage report lists the overdue and never-visited
/// ones (the report leaves the tier and the interval out).
/// </summary>
public sealed record DueCustomer(
    Guid CustomerId, string Code, string Name, string Region, string OwnerId, CustomerGrade Grade, DateOnly? LastVisitOn, DateOnly NextDue,
    int DaysOverdue, CustomerTier? Tier = null, int? IntervalDays = null);

public sealed record OnTimeByGrade(CustomerGrade Grade, int Visits, int OnTime, decimal? Rate);

public sealed record CoverageGroup(
    string Key, int Customers, int Scheduled, int Done, int Cancelled, int AdHoc, decimal? CompletionRate, IReadOnlyList<OnTimeByGrade> OnTime,
    int Overdue, int NeverVisited, decimal? TopFifthShare, int FlaggedCheckIns, int AwaitingReview, double? ReviewTurnaroundHours);

public sealed record CoverageReport(
    DateOnly From, DateOnly To, CoverageGrouping GroupBy, IReadOnlyList<CoverageGroup> Groups, IReadOnlyList<DueCustomer> Overdue,
    IReadOnlyList<DueCustomer> NeverVisited);

public sealed record GradeIntervals(int A, int B, int C, int D, int E);

/// <param name="Standard">True while the region follows the platform's standard intervals.</param>
public sealed record FrequencyPolicy(
    string Region, GradeIntervals Ordinary, GradeIntervals Key, bool Standard, DateTimeOffset? UpdatedAt, string? UpdatedBy, long Version);

/// <summary>Days between visits by grade for one tier, as the form edits them (blank is refused by the API).</summary>
public sealed class GradeIntervalsInput
{
    public int? A { get; set; }
    public int? B { get; set; }
    public int? C { get; set; }
    public int? D { get; set; }
    public int? E { get; set; }

    public static GradeIntervalsInput Of(GradeIntervals days) => new() { A = days.A, B = days.B, C = days.C, D = days.D, E = days.E };

    /// <summary>The days of one grade, for a form that lists the grades in a loop.</summary>
    public int? this[CustomerGrade grade]
    {
        get => grade switch { CustomerGrade.A => A, CustomerGrade.B => B, CustomerGrade.C => C, CustomerGrade.D => D, _ => E };
        set
        {
            switch (grade)
            {
                case CustomerGrade.A: A = value; break;
                case CustomerGrade.B: B = value; break;
                case CustomerGrade.C: C = value; break;
                case CustomerGrade.D: D = value; break;
                default: E = value; break;
            }
        }
    }
}

/// <summary>
/// The report form's fields; names match the API's. The parts the form does not edit (objections, competitors, further
/// next steps, a complaint or deregistration raised from the report) are sent back as they were, so saving never loses them.
/// </summary>
public sealed class VisitReportInput
{
    private VisitReport? original;

    public string? Purpose { get; set; }
    public string? Needs { get; set; }
    public string? Suggestions { get; set; }
    public int? Satisfaction { get; set; }
    public string? TrainingGiven { get; set; }
    public CustomerGrade? ProposedGrade { get; set; }
    public string? GradeReason { get; set; }
    public string? NextStepAction { get; set; }
    public DateTime? NextStepDue { get; set; }

    public static VisitReportInput Of(VisitReport? report) => report is null ? new() : new()
    {
        original = report,
        Purpose = report.Purpose, Needs = report.Needs, Suggestions = report.Suggestions, Satisfaction = report.Satisfaction,
        TrainingGiven = report.TrainingGiven, ProposedGrade = report.ProposedGrade, GradeReason = report.GradeReason,
        NextStepAction = report.NextSteps.FirstOrDefault()?.Action, NextStepDue = report.NextSteps.FirstOrDefault()?.Due.ToDateTime(TimeOnly.MinValue),
    };

    public object Body() => new
    {
        purpose = Purpose, needs = Needs, suggestions = Suggestions, satisfaction = Satisfaction, trainingGiven = TrainingGiven,
        proposedGrade = ProposedGrade, gradeReason = GradeReason,
        objections = original?.Objections ?? [],
        competitors = original?.Competitors ?? [],
        nextSteps = (string.IsNullOrWhiteSpace(NextStepAction) && NextStepDue is null
                ? Array.Empty<object>()
                : [new { action = NextStepAction, due = NextStepDue is { } due ? DateOnly.FromDateTime(due) : (DateOnly?)null }])
            .Concat((original?.NextSteps ?? []).Skip(1).Select(n => (object)new { action = n.Action, due = (DateOnly?)n.Due })),
        complaint = original?.Complaint,
        proposeDeregistration = original?.DeregistrationReason,
    };
}

public sealed record RouteStop(
    int Order, Guid VisitId, string VisitNumber, Guid CustomerId, string CustomerName, double Latitude, double Longitude,
    long Meters, DateTimeOffset Arrival, DateTimeOffset Departure);

public sealed record UnroutedVisit(Guid VisitId, string VisitNumber, Guid CustomerId, string CustomerName);

public sealed record DayRoute(
    DateOnly Day, string OwnerId, IReadOnlyList<RouteStop> Stops, long TotalMeters, long? ReturnMeters, DateTimeOffset? BackAt,
    IReadOnlyList<UnroutedVisit> WithoutPosition, IReadOnlyList<UnroutedVisit> Unreachable);

/// <summary>Where a day's route starts and whether it comes back there; names match the API's.</summary>
public sealed class DayRouteInput
{
    public DateTime? Day { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool ReturnToStart { get; set; } = true;

    public object Body() => new
    {
        day = Day is { } day ? DateOnly.FromDateTime(day) : (DateOnly?)null,
        start = new { latitude = Latitude, longitude = Longitude, datum = CoordinateDatum.Wgs84 },
        end = ReturnToStart ? "ReturnToStart" : "OpenEnded",
    };
}

/// <summary>The Visits service's API (<c>/api/visits</c>).</summary>
public sealed class VisitsApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<AuditEntry>> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        AuditAsync("/api/visits/audit", filter, page, pageSize, cancellationToken);

    public Task<PagedList<VisitSummary>> ListAsync(DateOnly? from, DateOnly? to, ReportStatus? reportStatus = null, int page = 1, int pageSize = 200, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<VisitSummary>>(WithQuery("/api/visits",
            ("from", Day(from)), ("to", Day(to)),
            ("reportStatus", reportStatus?.ToString()), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<ApiResult<Visit>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Visit>($"/api/visits/{id}", cancellationToken);

    public Task<ApiResult<DayRoute>> RouteAsync(DayRouteInput input, CancellationToken cancellationToken = default) =>
        PostAsync<DayRoute>("/api/visits/routes", input.Body(), cancellationToken);

    public Task<ApiResult<Visit>> ScheduleAsync(Guid customerId, DateOnly day, CancellationToken cancellationToken = default) =>
        PostAsync<Visit>("/api/visits", new { customerId, day }, cancellationToken);

    public Task<ApiResult<Visit>> CheckAsync(Guid id, long version, bool checkIn, double latitude, double longitude, CancellationToken cancellationToken = default) =>
        SendAsync<Visit>(HttpMethod.Post, $"/api/visits/{id}/{(checkIn ? "check-in" : "check-out")}", new { latitude, longitude, datum = CoordinateDatum.Wgs84 }, version, cancellationToken);

    public Task<ApiResult<Visit>> WriteReportAsync(Guid id, long version, VisitReportInput report, CancellationToken cancellationToken = default) =>
        SendAsync<Visit>(HttpMethod.Put, $"/api/visits/{id}/report", report.Body(), version, cancellationToken);

    public Task<ApiResult<Visit>> SubmitReportAsync(Guid id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<Visit>(HttpMethod.Post, $"/api/visits/{id}/report/submit", new { }, version, cancellationToken);

    public Task<ApiResult<Visit>> ReviewReportAsync(Guid id, long version, bool approve, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<Visit>(HttpMethod.Post, $"/api/visits/{id}/report/review", new { approve, comment }, version, cancellationToken);

    public Task<PagedList<PlanSummary>> PlansAsync(PlanStatus? status = null, int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<PlanSummary>>(WithQuery("/api/visits/plans", ("status", status?.ToString()), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<ApiResult<VisitPlan>> FindPlanAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<VisitPlan>($"/api/visits/plans/{id}", cancellationToken);

    public Task<ApiResult<VisitPlan>> GeneratePlanAsync(DateOnly? from, DateOnly? to, int? visitsPerDay, int? minutesPerVisit, CancellationToken cancellationToken = default) =>
        PostAsync<VisitPlan>("/api/visits/plans", new { from, to, visitsPerDay, minutesPerVisit }, cancellationToken);

    public Task<ApiResult<VisitPlan>> AddPlanVisitAsync(VisitPlan plan, Guid? customerId, DateOnly? day, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<VisitPlan>(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/visits", new { customerId, day, reason }, plan.Version, cancellationToken);

    public Task<ApiResult<VisitPlan>> MovePlanVisitAsync(VisitPlan plan, Guid visitId, DateOnly? day, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<VisitPlan>(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/visits/{visitId}/move", new { day, reason }, plan.Version, cancellationToken);

    public Task<ApiResult<VisitPlan>> DropPlanVisitAsync(VisitPlan plan, Guid visitId, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<VisitPlan>(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/visits/{visitId}/drop", new { reason }, plan.Version, cancellationToken);

    public Task<ApiResult<VisitPlan>> SubmitPlanAsync(VisitPlan plan, CancellationToken cancellationToken = default) =>
        SendAsync<VisitPlan>(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/submit", new { }, plan.Version, cancellationToken);

    public Task<ApiResult<VisitPlan>> ReviewPlanAsync(VisitPlan plan, bool approve, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<VisitPlan>(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/review", new { approve, comment }, plan.Version, cancellationToken);

    public Task<PagedList<DueCustomer>> DueAsync(string? region = null, string? ownerId = null, bool overdueOnly = false, int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<DueCustomer>>(WithQuery("/api/visits/due", ("region", region), ("ownerId", ownerId), ("overdueOnly", overdueOnly ? "true" : null),
            ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<ApiResult<CoverageReport>> CoverageAsync(DateOnly? from, DateOnly? to, CoverageGrouping groupBy, CancellationToken cancellationToken = default) =>
        TryGetAsync<CoverageReport>(WithQuery("/api/visits/reports/coverage", ("from", Day(from)), ("to", Day(to)), ("groupBy", groupBy.ToString())), cancellationToken);

    public Task<ApiResult<FrequencyPolicy>> FrequencyPolicyAsync(string region, CancellationToken cancellationToken = default) =>
        TryGetAsync<FrequencyPolicy>($"/api/visits/frequency-policies/{Uri.EscapeDataString(region)}", cancellationToken);

    public Task<ApiResult<FrequencyPolicy>> SetFrequencyPolicyAsync(FrequencyPolicy policy, GradeIntervalsInput ordinary, GradeIntervalsInput key, CancellationToken cancellationToken = default) =>
        SendAsync<FrequencyPolicy>(HttpMethod.Put, $"/api/visits/frequency-policies/{Uri.EscapeDataString(policy.Region)}", new { ordinary, key }, policy.Version, cancellationToken);
}
