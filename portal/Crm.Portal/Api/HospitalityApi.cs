using System.Globalization;
using Crm.IntegrationEvents;

namespace Crm.Portal.Api;

public enum VisitKind { AdHoc, Scheduled }

public enum ApplicationStatus { Submitted, Approved, Returned, Rejected, Completed }

public enum Decision { Approve, Return, Reject }

public enum StepAction { Review, Approve, Prepare }

public enum PhotographyDecision { NotRequested, Refused, Pending, Allowed }

public enum NoticeBy { Phone, Form }

public sealed record Visitor(string Name, string Position, bool IsKeyPerson);

public sealed record VisitRequest(IReadOnlyList<Visitor> Visitors, DateTimeOffset Start, DateTimeOffset End, string Purpose, VisitKind Kind, string WantsToSee, bool AsksToPhotograph, string HostId);

public sealed record ChainStep(string Role, StepAction Action);

public sealed record ChainDecision(string Role, StepAction Action, Decision Decision, string By, DateTimeOffset At, string? Comment);

public sealed record ReceptionStandard(string Name, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerGrade> Grades, string Room, string Refreshments, string AccompaniedBy);

public sealed record GatePassage(string Visitor, bool In, DateTimeOffset At, string By);

public sealed record VisitOutcome(string Outcome, string Impressions, CustomerGrade? ProposedGrade, string? GradeReason, string By, DateTimeOffset At);

public sealed record PhotographyVote(string Role, bool Allow, string By, DateTimeOffset At, string? Comment);

public sealed record PhotographsKept(int Count, string By, DateTimeOffset At, string? Note);

public sealed record ApprovalRule(
    string Name, bool? Scheduled, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerKind> Kinds, IReadOnlyList<ChainStep> Steps, int NoticeHours, NoticeBy NoticeBy);

public sealed record ApprovalRules(IReadOnlyList<ApprovalRule> Rules, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

public sealed record ReceptionStandards(IReadOnlyList<ReceptionStandard> Standards, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

public sealed record CalendarDay(DateOnly Day, IReadOnlyList<ApplicationSummary> Visits);

public sealed record WeekCalendar(DateOnly Monday, IReadOnlyList<CalendarDay> Days);

public sealed record Application(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, CustomerTier CustomerTier, CustomerKind CustomerKind,
    CustomerGrade CustomerGrade, VisitRequest Visit, string AppliedBy, DateTimeOffset AppliedAt, string Rule, IReadOnlyList<ChainStep> Chain,
    int NoticeHours, NoticeBy NoticeBy, ApplicationStatus Status, string? WaitingFor, bool Urgent, bool PaperworkPending, string? Programme,
    IReadOnlyList<ChainDecision> Decisions, ReceptionStandard? Reception, string? PermitNumber, string? PermitCode, string? RevokedReason,
    IReadOnlyList<GatePassage> Gate, VisitOutcome? Outcome, PhotographyDecision Photography, IReadOnlyList<PhotographyVote> PhotographyVotes,
    PhotographsKept? Photographs, long Version);

public sealed record ApplicationSummary(
    Guid Id, string Number, string CustomerName, string Region, DateTimeOffset Start, DateTimeOffset End, ApplicationStatus Status, string? WaitingFor,
    bool Urgent, long Version);

public sealed record PermitCheck(
    bool Valid, string? Refusal, string PermitNumber, string CustomerName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Visitor> Visitors,
    string HostId, ReceptionStandard? Reception, PhotographyDecision Photography, IReadOnlyList<GatePassage> Gate);

public sealed record ReceptionSheetEntry(
    Guid ApplicationId, string Number, string PermitNumber, string CustomerName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Visitor> Visitors,
    string HostId, ReceptionStandard? Reception, string? Programme, bool Urgent, PhotographyDecision Photography, int Inside);

public sealed record ReceptionSheet(DateOnly Today, IReadOnlyList<ReceptionSheetEntry> TodaysVisits, IReadOnlyList<ReceptionSheetEntry> TomorrowsVisits);

/// <summary>The application form; names match the API's (<c>customerId</c>, <c>visit.*</c>).</summary>
public sealed class NewApplication
{
    public Guid? CustomerId { get; set; }
    public List<VisitorRow> Visitors { get; set; } = [new()];
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public string? Purpose { get; set; }
    public string? WantsToSee { get; set; }
    public bool AsksToPhotograph { get; set; }
    public string? HostId { get; set; }
    public bool Urgent { get; set; }

    /// <summary>Applications from the portal are ad hoc; a returned one keeps its kind when corrected.</summary>
    public VisitKind Kind { get; set; } = VisitKind.AdHoc;

    /// <summary>A returned application's visit, to correct and submit again; times as the company's wall clock.</summary>
    public static NewApplication From(Application application, Func<DateTimeOffset, DateTime> wallClock) => new()
    {
        CustomerId = application.CustomerId,
        Visitors = application.Visit.Visitors.Select(v => new VisitorRow { Name = v.Name, Position = v.Position, IsKeyPerson = v.IsKeyPerson }).ToList(),
        Start = wallClock(application.Visit.Start),
        End = wallClock(application.Visit.End),
        Purpose = application.Visit.Purpose,
        WantsToSee = application.Visit.WantsToSee,
        AsksToPhotograph = application.Visit.AsksToPhotograph,
        HostId = application.Visit.HostId,
        Urgent = application.Urgent,
        Kind = application.Visit.Kind,
    };

    public sealed class VisitorRow
    {
        public string? Name { get; set; }
        public string? Position { get; set; }
        public bool IsKeyPerson { get; set; }
    }
}

/// <summary>How a visit went, as its host writes it down; the names match the API's.</summary>
public sealed class OutcomeForm
{
    public string? Outcome { get; set; }
    public string? Impressions { get; set; }
    public CustomerGrade? ProposedGrade { get; set; }
    public string? GradeReason { get; set; }
}

/// <summary>An approval rule being edited; the names match the API's (<c>rules[i].*</c>).</summary>
public sealed class ApprovalRuleRow
{
    public string? Name { get; set; }
    public bool? Scheduled { get; set; }
    public IEnumerable<CustomerTier> Tiers { get; set; } = [];
    public IEnumerable<CustomerKind> Kinds { get; set; } = [];
    public List<StepRow> Steps { get; set; } = [new()];
    public int? NoticeHours { get; set; }
    public NoticeBy? NoticeBy { get; set; }

    public static ApprovalRuleRow From(ApprovalRule rule) => new()
    {
        Name = rule.Name, Scheduled = rule.Scheduled, Tiers = rule.Tiers, Kinds = rule.Kinds, NoticeHours = rule.NoticeHours, NoticeBy = rule.NoticeBy,
        Steps = rule.Steps.Select(s => new StepRow { Role = s.Role, Action = s.Action }).ToList(),
    };

    public sealed class StepRow
    {
        public string? Role { get; set; }
        public StepAction? Action { get; set; }
    }
}

/// <summary>A reception standard being edited; the names match the API's (<c>standards[i].*</c>).</summary>
public sealed class ReceptionStandardRow
{
    public string? Name { get; set; }
    public IEnumerable<CustomerTier> Tiers { get; set; } = [];
    public IEnumerable<CustomerGrade> Grades { get; set; } = [];
    public string? Room { get; set; }
    public string? Refreshments { get; set; }
    public string? AccompaniedBy { get; set; }

    public static ReceptionStandardRow From(ReceptionStandard standard) => new()
    {
        Name = standard.Name, Tiers = standard.Tiers, Grades = standard.Grades, Room = standard.Room, Refreshments = standard.Refreshments,
        AccompaniedBy = standard.AccompaniedBy,
    };
}

/// <summary>The Hospitality service's API (<c>/api/hospitality</c>).</summary>
public sealed class HospitalityApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<AuditEntry>> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        AuditAsync("/api/hospitality/audit", filter, page, pageSize, cancellationToken);

    public Task<PagedList<ApplicationSummary>> ListAsync(int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ApplicationSummary>>(WithQuery("/api/hospitality/applications", ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<PagedList<ApplicationSummary>> InboxAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ApplicationSummary>>("/api/hospitality/inbox?pageSize=100", cancellationToken);

    public Task<ApiResult<Application>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Application>($"/api/hospitality/applications/{id}", cancellationToken);

    /// <param name="toInstant">The form's wall-clock times in the company's time zone, as instants.</param>
    public Task<ApiResult<Application>> ApplyAsync(NewApplication form, Func<DateTime, DateTimeOffset> toInstant, CancellationToken cancellationToken = default) =>
        PostAsync<Application>("/api/hospitality/applications", new { customerId = form.CustomerId, visit = Visit(form, toInstant) }, cancellationToken);

    /// <summary>The visit as the API reads it, in an application or a resubmission.</summary>
    private static object Visit(NewApplication form, Func<DateTime, DateTimeOffset> toInstant) => new
    {
        visitors = form.Visitors.Select(v => new { name = v.Name, position = v.Position, isKeyPerson = v.IsKeyPerson }),
        start = form.Start is { } start ? toInstant(start) : (DateTimeOffset?)null,
        end = form.End is { } end ? toInstant(end) : (DateTimeOffset?)null,
        purpose = form.Purpose, kind = form.Kind, wantsToSee = form.WantsToSee, asksToPhotograph = form.AsksToPhotograph,
        hostId = form.HostId, urgent = form.Urgent,
    };

    public Task<ApiResult<Application>> ResubmitAsync(Guid id, long version, NewApplication form, Func<DateTime, DateTimeOffset> toInstant, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/resubmit", Visit(form, toInstant), version, cancellationToken);

    public Task<ApiResult<Application>> CompletePaperworkAsync(Guid id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/paperwork", null, version, cancellationToken);

    public Task<ApiResult<Application>> DecidePhotographyAsync(Guid id, long version, bool allow, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/photography", new { allow, comment }, version, cancellationToken);

    public Task<ApiResult<Application>> KeepPhotographsAsync(Guid id, long version, int? count, string? note, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/photographs", new { count, note }, version, cancellationToken);

    public Task<ApiResult<Application>> RecordOutcomeAsync(Guid id, long version, OutcomeForm form, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/outcome", form, version, cancellationToken);

    public Task<ApiResult<Application>> RevokeAsync(Guid id, long version, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/revoke", new { reason }, version, cancellationToken);

    public Task<ApprovalRules> ApprovalRulesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ApprovalRules>("/api/hospitality/approval-rules", cancellationToken);

    /// <remarks>The rows' properties are the API's fields, so they are sent as they are.</remarks>
    public Task<ApiResult<ApprovalRules>> ReplaceApprovalRulesAsync(long version, IReadOnlyList<ApprovalRuleRow> rules, CancellationToken cancellationToken = default) =>
        SendAsync<ApprovalRules>(HttpMethod.Put, "/api/hospitality/approval-rules", new { rules }, version, cancellationToken);

    public Task<ReceptionStandards> ReceptionStandardsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ReceptionStandards>("/api/hospitality/reception-standards", cancellationToken);

    public Task<ApiResult<ReceptionStandards>> ReplaceReceptionStandardsAsync(long version, IReadOnlyList<ReceptionStandardRow> standards, CancellationToken cancellationToken = default) =>
        SendAsync<ReceptionStandards>(HttpMethod.Put, "/api/hospitality/reception-standards", new { standards }, version, cancellationToken);

    /// <param name="day">Any day of the week wanted, in the company's time zone.</param>
    public Task<WeekCalendar> CalendarAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        GetAsync<WeekCalendar>(WithQuery("/api/hospitality/calendar", ("week", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), cancellationToken);

    public Task<ApiResult<Application>> DecideAsync(Guid id, long version, Decision decision, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<Application>(HttpMethod.Post, $"/api/hospitality/applications/{id}/decide", new { decision, comment }, version, cancellationToken);

    public Task<ReceptionSheet> FrontDeskDayAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ReceptionSheet>("/api/hospitality/front-desk/day", cancellationToken);

    public Task<ApiResult<PermitCheck>> CheckPermitAsync(string permit, CancellationToken cancellationToken = default) =>
        TryGetAsync<PermitCheck>($"/api/hospitality/gate/{Uri.EscapeDataString(permit)}", cancellationToken);

    public Task<ApiResult<PermitCheck>> PassGateAsync(string permit, string visitor, bool entering, CancellationToken cancellationToken = default) =>
        PostAsync<PermitCheck>($"/api/hospitality/gate/{Uri.EscapeDataString(permit)}/{(entering ? "check-in" : "check-out")}", new { visitor }, cancellationToken);

    public Task<(byte[] Content, string FileName)> PrintAsync(Guid id, string document, CancellationToken cancellationToken = default) =>
        DownloadAsync($"/api/hospitality/applications/{id}/{document}.pdf", cancellationToken);
}
