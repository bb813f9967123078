using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Features;

public static class HospitalityLimits
{
    public const int Text = 1_000;
    public const int Name = 100;
    public const int Visitors = 50;
    public const int UserId = 100;
    public const int Comment = 1_000;
    public const int Programme = 4_000;
}

public sealed record VisitorInput([property: MaxLength(HospitalityLimits.Name)] string? Name, [property: MaxLength(HospitalityLimits.Name)] string? Position, bool? IsKeyPerson);

/// <summary>The visit as the applicant asks for it; <see cref="Urgent"/> accepts less notice than the rule asks (phone first).</summary>
public sealed record VisitRequestInput(
    [property: MaxLength(HospitalityLimits.Visitors)] IReadOnlyList<VisitorInput?>? Visitors,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    [property: MaxLength(HospitalityLimits.Text)] string? Purpose,
    VisitKind? Kind = null,
    [property: MaxLength(HospitalityLimits.Text)] string? WantsToSee = null,
    bool? AsksToPhotograph = null,
    [property: MaxLength(HospitalityLimits.UserId)] string? HostId = null,
    bool? Urgent = null)
{
    /// <param name="prefix">Where the visit stands in the request body (<c>visit.</c> in an application), for the field names.</param>
    public VisitRequest? Check(Validation validation, DateTimeOffset now, string prefix = "")
    {
        validation.Limits(this, prefix).NotNull($"{prefix}start", Start).NotNull($"{prefix}end", End)
            .Required($"{prefix}purpose", Purpose).Required($"{prefix}hostId", HostId);
        if (Visitors is not { Count: > 0 })
        {
            validation.Add($"{prefix}visitors", "At least one visitor.");
        }

        for (var i = 0; i < (Visitors?.Count ?? 0); i++)
        {
            if (Visitors![i] is { } visitor)
            {
                validation.Required($"{prefix}visitors[{i}].name", visitor.Name);
            }
        }

        if (Start is { } start && End is { } end)
        {
            if (end <= start || end - start > TimeSpan.FromHours(12))
            {
                validation.Add($"{prefix}end", "After the start, and within twelve hours of it.");
            }

            if (start <= now)
            {
                validation.Add($"{prefix}start", "In the future.");
            }
        }

        return validation.IsValid
            ? new VisitRequest(
                Visitors!.OfType<VisitorInput>().Select(v => new Visitor(v.Name!.Trim(), v.Position?.Trim() ?? "", v.IsKeyPerson ?? false)).ToList(),
                Start!.Value.ToUniversalTime(), End!.Value.ToUniversalTime(), Purpose!.Trim(), Kind ?? VisitKind.AdHoc, WantsToSee?.Trim() ?? "",
                AsksToPhotograph ?? false, HostId!.Trim())
            : null;
    }
}

public sealed record ApplyRequest(Guid? CustomerId, VisitRequestInput? Visit);

public sealed record DecideRequest(Decision? Decision, [property: MaxLength(HospitalityLimits.Comment)] string? Comment = null,
    [property: MaxLength(HospitalityLimits.Programme)] string? Programme = null);

public sealed record RevokeRequest([property: MaxLength(HospitalityLimits.Comment)] string? Reason);

public sealed record PhotographyRequest(bool? Allow, [property: MaxLength(HospitalityLimits.Comment)] string? Comment = null);

public sealed record PhotographsRequest([property: Range(0, 100_000)] int? Count, [property: MaxLength(HospitalityLimits.Comment)] string? Note = null);

public sealed record OutcomeRequest(
    [property: MaxLength(HospitalityLimits.Programme)] string? Outcome,
    [property: MaxLength(HospitalityLimits.Programme)] string? Impressions = null,
    CustomerGrade? ProposedGrade = null,
    [property: MaxLength(HospitalityLimits.Comment)] string? GradeReason = null);

public sealed record ApplicationResponse(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, CustomerTier CustomerTier, CustomerKind CustomerKind,
    CustomerGrade CustomerGrade, VisitRequest Visit, string AppliedBy, DateTimeOffset AppliedAt, string Rule, IReadOnlyList<ChainStep> Chain,
    int NoticeHours, NoticeBy NoticeBy, ApplicationStatus Status, string? WaitingFor, bool Urgent, bool PaperworkPending, string? Programme,
    IReadOnlyList<ChainDecision> Decisions, ReceptionStandard? Reception, string? PermitNumber, string? PermitCode, string? RevokedReason,
    IReadOnlyList<GatePassage> Gate, VisitOutcome? Outcome, PhotographyDecision Photography, IReadOnlyList<PhotographyVote> PhotographyVotes,
    PhotographsKept? Photographs, long Version)
{
    public static ApplicationResponse From(HospitalityApplication a) =>
        new(a.Id, a.Number, a.CustomerId, a.CustomerName, a.Region, a.OwnerId, a.CustomerTier, a.CustomerKind, a.CustomerGrade, a.Request, a.AppliedBy,
            a.AppliedAt, a.RuleName, a.Chain, a.NoticeHours, a.NoticeBy, a.Status, a.WaitingFor, a.Urgent, a.PaperworkPending, a.Programme, a.Decisions,
            a.Reception, a.PermitNumber, a.PermitCode, a.RevokedReason, a.Gate, a.Outcome, a.Photography, a.PhotographyVotes, a.Photographs, a.Version);
}

/// <param name="End">When the visit ends: a calendar shows how long it lasts.</param>
public sealed record ApplicationSummary(
    Guid Id, string Number, string CustomerName, string Region, DateTimeOffset Start, DateTimeOffset End, ApplicationStatus Status, string? WaitingFor,
    bool Urgent, long Version);

/// <summary>
/// Customers' visits to the company (客户参观接待): the rep (or a manager, or the marketing centre) applies for a customer
/// it works with; the first approval rule that takes the application sets its chain and notice; each step's role decides
/// (approve, return with a comment, reject with a reason); a returned application is corrected and submitted again.
/// Every approver has an inbox of what waits for their role in their regions.
/// </summary>
public static class Applications
{
    public static void MapApplications(this RouteGroupBuilder api)
    {
        api.MapPost("/applications", Apply)
            .WithIdempotency<HospitalityDbContext>()
            .WithName("ApplyForVisit")
            .WithSummary("Applies for a customer's visit to the company; the approval rules set its chain and the notice it must leave (urgent: phone first).");
        api.MapGet("/applications/{id:guid}", Get).WithName("GetApplication").WithSummary("One application with its chain and decisions, with its version as ETag.");
        api.MapGet("/applications", List).WithName("ListApplications").WithSummary("The applications the caller sees, soonest visit first.");
        api.MapGet("/inbox", Inbox).WithName("ApprovalInbox").WithSummary("The applications waiting for one of the caller's roles in the caller's regions, soonest visit first.");
        api.MapPost("/applications/{id:guid}/decide", Decide)
            .WithName("DecideApplication").WithSummary("The current step's decision by its role: approve, return (comment) or reject (reason). Honours If-Match.");
        api.MapPost("/applications/{id:guid}/resubmit", Resubmit)
            .WithName("ResubmitApplication").WithSummary("Submits a returned application again with its corrections; its chain starts over. Honours If-Match.");
        api.MapPost("/applications/{id:guid}/revoke", Revoke)
            .WithName("RevokePermit").WithSummary("Revokes the visit's permit with a reason; the gate refuses it from then on. Honours If-Match.");
        api.MapPost("/applications/{id:guid}/outcome", RecordOutcome)
            .WithName("RecordVisitOutcome")
            .WithSummary("The host (or the applicant) records how the visit went, optionally proposing a grade (CustomerGradeProposed, source hospitality). Honours If-Match.");
        api.MapPost("/applications/{id:guid}/photography", DecidePhotography)
            .WithName("DecidePhotography")
            .WithSummary("The marketing GM's or the chairman's decision on a key customer's request to photograph; both must allow it. Honours If-Match.");
        api.MapPost("/applications/{id:guid}/photographs", KeepPhotographs)
            .WithName("KeepPhotographs")
            .WithSummary("The marketing department records that it keeps the originals of the photographs taken: how many, by whom, when. Honours If-Match.");
        api.MapPost("/applications/{id:guid}/paperwork", Paperwork)
            .WithName("CompletePaperwork").WithSummary("Records the notice form of an urgent application, handed in after the phone call. Honours If-Match.");
    }

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem>> Apply(
        ApplyRequest request, HospitalityDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = new Validation().NotNull("visit", request.Visit);
        var visit = request.Visit?.Check(validation, now, "visit.");
        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken);
        if (customer is not null && (customer.Status == CustomerStatus.Deregistered || (customer.OwnerId != user.Id && !user.ManagesRegion(customer.Region))))
        {
            validation.Add("customerId", customer.Status == CustomerStatus.Deregistered
                ? "The customer was deregistered (注销)."
                : $"The customer belongs to {customer.OwnerId}; its rep, a manager of its region or the marketing centre applies.");
        }

        var rules = await db.RulesAsync(time, cancellationToken);
        var rule = visit is null || customer is null ? null : rules.For(visit.Kind, customer.Tier, customer.Kind);
        CheckNotice(validation, "visit.start", rule, visit, request.Visit?.Urgent ?? false, now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var application = HospitalityApplication.Apply(await db.NextNumberAsync("HV", now.Year, cancellationToken), customer!.Id, customer.Name,
            customer.Region, customer.OwnerId, customer.Tier, customer.Kind, customer.Grade, visit!, rule!, request.Visit!.Urgent ?? false, user.Id, now);
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/hospitality/applications/{application.Id}", ApplicationResponse.From(application));
    }

    /// <summary>Too little notice is refused on the start, naming the rule and the latest start it allows, unless urgent.</summary>
    private static void CheckNotice(Validation validation, string field, ApprovalRule? rule, VisitRequest? visit, bool urgent, DateTimeOffset now)
    {
        if (rule is not null && visit is not null && !urgent && !HospitalityApplication.LeavesNotice(rule, visit.Start, now))
        {
            validation.Add(field, $"{rule.Name} asks {rule.NoticeHours} h notice (by {rule.NoticeBy}): the visit can start at {now.AddHours(rule.NoticeHours):yyyy-MM-dd HH:mm} UTC at the earliest, or mark it urgent to phone first and hand in the paperwork after.");
        }
    }

    private static async Task<Results<Ok<ApplicationResponse>, NotFound>> Get(Guid id, HospitalityDbContext db, CurrentUser user, HttpContext http)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (application is null || !user.MaySee(application))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(application.Version);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    private static async Task<Results<Ok<PagedResult<ApplicationSummary>>, ValidationProblem>> List(
        HospitalityDbContext db, CurrentUser user, CancellationToken cancellationToken, string? status = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var wanted = validation.EnumName<ApplicationStatus>("status", status);
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        return validation.IsValid
            ? TypedResults.Ok(await Page(db.Applications.AsNoTracking().VisibleTo(user).Where(a => wanted == null || a.Status == wanted), pageNumber, size, cancellationToken))
            : validation.ToProblem();
    }

    private static async Task<Results<Ok<PagedResult<ApplicationSummary>>, ValidationProblem>> Inbox(
        HospitalityDbContext db, CurrentUser user, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        var roles = user.Roles.ToList();
        return validation.IsValid
            ? TypedResults.Ok(await Page(db.Applications.AsNoTracking().VisibleTo(user).Where(a => a.WaitingFor != null && roles.Contains(a.WaitingFor)), pageNumber, size, cancellationToken))
            : validation.ToProblem();
    }

    private static async Task<PagedResult<ApplicationSummary>> Page(IQueryable<HospitalityApplication> query, int page, int size, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Start).ThenBy(a => a.Number).TakePage(page, size)
            .Select(a => new ApplicationSummary(a.Id, a.Number, a.CustomerName, a.Region, a.Start, a.End, a.Status, a.WaitingFor, a.Urgent, a.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<ApplicationSummary>(items, page, size, total);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Decide(
        Guid id, DecideRequest request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Defined("decision", request.Decision);
        if (request.Decision is Decision.Return or Decision.Reject && string.IsNullOrWhiteSpace(request.Comment))
        {
            validation.Add("comment", "Say why the application is returned or rejected.");
        }

        var (application, refusal) = await db.FindForChange(id, user, http, validation, (u, a) => a.WaitingFor is { } role && u.IsInRole(role),
            "The application waits for another role's decision.");
        if (application is null)
        {
            return refusal!;
        }

        var now = time.GetUtcNow();
        application.Decide(request.Decision!.Value, application.WaitingFor!, request.Comment?.Trim(), request.Programme?.Trim(), user.Id, now);
        if (application.Status == ApplicationStatus.Approved)
        {
            var standards = await db.ReceptionStandardsAsync(time, http.RequestAborted);
            application.IssuePermit(await db.NextNumberAsync("PM", now.Year, http.RequestAborted), PermitCodes.New(),
                standards.For(application.CustomerTier, application.CustomerGrade), now);
        }

        return await Saved(db, application, http);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Resubmit(
        Guid id, VisitRequestInput request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var validation = new Validation();
        var visit = request.Check(validation, now);
        var (application, refusal) = await db.FindForChange(id, user, http, validation, (u, a) => a.AppliedBy == u.Id || a.OwnerId == u.Id,
            "A returned application is corrected by its applicant or the customer's rep.");
        if (application is null)
        {
            return refusal!;
        }

        var rule = (await db.RulesAsync(time, http.RequestAborted)).For(visit!.Kind, application.CustomerTier, application.CustomerKind);
        var notice = new Validation();
        CheckNotice(notice, "start", rule, visit, request.Urgent ?? false, now);
        if (!notice.IsValid)
        {
            return (Results<ValidationProblem, NotFound, ProblemHttpResult>)notice.ToProblem();
        }

        application.Resubmit(visit, rule, request.Urgent ?? false, user.Id, now);
        return await Saved(db, application, http);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Revoke(
        Guid id, RevokeRequest request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        var (application, refusal) = await db.FindForChange(id, user, http, validation,
            (u, a) => u.ManagesRegion(a.Region) || u.IsSupervisorOrAdmin, "A permit is revoked by a manager of the region, headquarters or the CRM supervisor.");
        if (application is null)
        {
            return refusal!;
        }

        application.RevokePermit(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        return await Saved(db, application, http);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> RecordOutcome(
        Guid id, OutcomeRequest request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("outcome", request.Outcome);
        if (request.ProposedGrade is not null && string.IsNullOrWhiteSpace(request.GradeReason))
        {
            validation.Add("gradeReason", "Say why the customer should move to the proposed grade.");
        }

        var (application, refusal) = await db.FindForOutcome(id, user, http, validation);
        if (application is null)
        {
            return refusal!;
        }

        application.Complete(new VisitOutcome(request.Outcome!.Trim(), request.Impressions?.Trim() ?? "", request.ProposedGrade, request.GradeReason?.Trim(),
            user.Id, time.GetUtcNow()));
        return await Saved(db, application, http);
    }

    /// <summary>The visit its host, applicant or the customer's rep records the outcome of (the host sees it by that role alone).</summary>
    private static Task<(HospitalityApplication? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForOutcome(
        this HospitalityDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation) =>
        db.Applications.FindForChange(id, http, validation,
            application => user.MaySee(application) || application.Request.HostId == user.Id,
            application => application.Request.HostId == user.Id || application.AppliedBy == user.Id || application.OwnerId == user.Id,
            "The visit's host, its applicant or the customer's rep records its outcome.");

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> DecidePhotography(
        Guid id, PhotographyRequest request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).NotNull("allow", request.Allow);
        var (application, refusal) = await db.FindForChange(id, user, http, validation,
            (u, _) => HospitalityApplication.PhotographyDeciders.Any(u.IsInRole), "Only the marketing GM and the chairman decide photography.");
        if (application is null)
        {
            return refusal!;
        }

        var role = HospitalityApplication.PhotographyDeciders.First(user.IsInRole);
        application.DecidePhotography(role, request.Allow!.Value, request.Comment?.Trim(), user.Id, time.GetUtcNow());
        return await Saved(db, application, http);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> KeepPhotographs(
        Guid id, PhotographsRequest request, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).NotNull("count", request.Count);
        var (application, refusal) = await db.FindForChange(id, user, http, validation,
            (u, _) => u.IsInRole(Roles.MarketingGM), "The marketing department (the marketing GM) keeps the originals.");
        if (application is null)
        {
            return refusal!;
        }

        application.KeepPhotographs(request.Count!.Value, request.Note?.Trim(), user.Id, time.GetUtcNow());
        return await Saved(db, application, http);
    }

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Paperwork(
        Guid id, HospitalityDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (application, refusal) = await db.FindForChange(id, user, http, new Validation(),
            (u, a) => a.AppliedBy == u.Id || a.OwnerId == u.Id || u.ManagesRegion(a.Region), "The applicant, the customer's rep or a manager records the paperwork.");
        if (application is null)
        {
            return refusal!;
        }

        application.CompletePaperwork(user.Id, time.GetUtcNow());
        return await Saved(db, application, http);
    }

    /// <summary>
    /// The application about to change: 400 with the request's errors, 404 outside the caller's scope, 403 when the caller
    /// sees it but may not, 409 (thrown) on a stale If-Match.
    /// </summary>
    private static Task<(HospitalityApplication? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange(
        this HospitalityDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation, Func<CurrentUser, HospitalityApplication, bool> may, string refusal) =>
        db.Applications.FindForChange(id, http, validation, user.MaySee, application => may(user, application), refusal);

    private static async Task<Results<Ok<ApplicationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Saved(
        HospitalityDbContext db, HospitalityApplication application, HttpContext http)
    {
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(application.Version);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }
}
