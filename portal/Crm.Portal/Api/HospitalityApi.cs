using Crm.IntegrationEvents;

namespace Crm.Portal.Api;

public enum VisitKind { AdHoc, Scheduled }

public enum ApplicationStatus { Submitted, Approved, Returned, Rejected, Completed }

public enum Decision { Approve, Return, Reject }

public enum StepAction { Review, Approve, Prepare }

public enum PhotographyDecision { NotRequested, Refused, Pending, Allowed }

public sealed record Visitor(string Name, string Position, bool IsKeyPerson);

public sealed record VisitRequest(IReadOnlyList<Visitor> Visitors, DateTimeOffset Start, DateTimeOffset End, string Purpose, VisitKind Kind, string WantsToSee, bool AsksToPhotograph, string HostId);

public sealed record ChainStep(string Role, StepAction Action);

public sealed record ChainDecision(string Role, StepAction Action, Decision Decision, string By, DateTimeOffset At, string? Comment);

public sealed record ReceptionStandard(string Name, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerGrade> Grades, string Room, string Refreshments, string AccompaniedBy);

public sealed record GatePassage(string Visitor, bool In, DateTimeOffset At, string By);

public sealed record Application(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, CustomerTier CustomerTier, CustomerKind CustomerKind,
    CustomerGrade CustomerGrade, VisitRequest Visit, string AppliedBy, DateTimeOffset AppliedAt, string Rule, IReadOnlyList<ChainStep> Chain,
    int NoticeHours, string NoticeBy, ApplicationStatus Status, string? WaitingFor, bool Urgent, bool PaperworkPending, string? Programme,
    IReadOnlyList<ChainDecision> Decisions, ReceptionStandard? Reception, string? PermitNumber, string? PermitCode, string? RevokedReason,
    IReadOnlyList<GatePassage> Gate, PhotographyDecision Photography, long Version);

public sealed record ApplicationSummary(
    Guid Id, string Number, string CustomerName, string Region, DateTimeOffset Start, ApplicationStatus Status, string? WaitingFor, bool Urgent, long Version);

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

    public sealed class VisitorRow
    {
        public string? Name { get; set; }
        public string? Position { get; set; }
        public bool IsKeyPerson { get; set; }
    }
}

/// <summary>The Hospitality service's API (<c>/api/hospitality</c>).</summary>
public sealed class HospitalityApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<ApplicationSummary>> ListAsync(int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ApplicationSummary>>(WithQuery("/api/hospitality/applications", ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<PagedList<ApplicationSummary>> InboxAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ApplicationSummary>>("/api/hospitality/inbox?pageSize=100", cancellationToken);

    public Task<ApiResult<Application>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Application>($"/api/hospitality/applications/{id}", cancellationToken);

    /// <param name="toInstant">The form's wall-clock times in the company's time zone, as instants.</param>
    public Task<ApiResult<Application>> ApplyAsync(NewApplication form, Func<DateTime, DateTimeOffset> toInstant, CancellationToken cancellationToken = default) =>
        PostAsync<Application>("/api/hospitality/applications", new
        {
            customerId = form.CustomerId,
            visit = new
            {
                visitors = form.Visitors.Select(v => new { name = v.Name, position = v.Position, isKeyPerson = v.IsKeyPerson }),
                start = form.Start is { } start ? toInstant(start) : (DateTimeOffset?)null,
                end = form.End is { } end ? toInstant(end) : (DateTimeOffset?)null,
                purpose = form.Purpose, kind = VisitKind.AdHoc, wantsToSee = form.WantsToSee, asksToPhotograph = form.AsksToPhotograph,
                hostId = form.HostId, urgent = form.Urgent,
            },
        }, cancellationToken);

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
