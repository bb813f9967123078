using System.Globalization;
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
    public Task<PagedList<VisitSummary>> ListAsync(DateOnly? from, DateOnly? to, ReportStatus? reportStatus = null, int page = 1, int pageSize = 200, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<VisitSummary>>(WithQuery("/api/visits",
            ("from", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
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
}
