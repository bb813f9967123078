using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Visits.Features;

public sealed record ObjectionInput([property: MaxLength(VisitLimits.Text)] string? Text, [property: MaxLength(VisitLimits.Text)] string? Handling);

public sealed record CompetitorInput(
    [property: MaxLength(VisitLimits.ShortText)] string? Competitor,
    [property: MaxLength(VisitLimits.ShortText)] string? Product,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal? Price,
    [property: MaxLength(VisitLimits.Text)] string? Activity);

public sealed record ComplaintInput(
    ComplaintType? Type,
    ComplaintSeverity? Severity,
    [property: MaxLength(100)] string? ProductLine,
    [property: MaxLength(4000)] string? Description,
    [property: MaxLength(200)] string? ContactPerson);

public sealed record NextStepInput([property: MaxLength(VisitLimits.ShortText)] string? Action, DateOnly? Due);

public sealed record VisitReportRequest(
    [property: MaxLength(VisitLimits.Text)] string? Purpose,
    [property: MaxLength(VisitLimits.Text)] string? Needs = null,
    [property: MaxLength(VisitLimits.Items)] IReadOnlyList<ObjectionInput?>? Objections = null,
    [property: MaxLength(VisitLimits.Text)] string? Suggestions = null,
    [property: MaxLength(VisitLimits.Items)] IReadOnlyList<CompetitorInput?>? Competitors = null,
    [property: Range(1, 5)] int? Satisfaction = null,
    [property: MaxLength(VisitLimits.Text)] string? TrainingGiven = null,
    [property: MaxLength(VisitLimits.Items)] IReadOnlyList<NextStepInput?>? NextSteps = null,
    CustomerGrade? ProposedGrade = null,
    [property: MaxLength(VisitLimits.Reason)] string? GradeReason = null,
    ComplaintInput? Complaint = null,
    [property: MaxLength(VisitLimits.Reason)] string? ProposeDeregistration = null)
{
    /// <summary>The report to store, or null with every error on its field (list elements as <c>objections[2].handling</c>).</summary>
    public VisitReport? Check(Validation validation)
    {
        validation.Limits(this).Required("purpose", Purpose).NotNull("satisfaction", Satisfaction);
        var objections = Elements(validation, "objections", Objections, (o, field) =>
        {
            validation.Required($"{field}.text", o.Text).Required($"{field}.handling", o.Handling);
            return new Objection(o.Text?.Trim() ?? "", o.Handling?.Trim() ?? "");
        });
        var competitors = Elements(validation, "competitors", Competitors, (c, field) =>
        {
            validation.Required($"{field}.competitor", c.Competitor);
            return new CompetitorNote(c.Competitor?.Trim() ?? "", c.Product?.Trim() ?? "", c.Price, c.Activity?.Trim() ?? "");
        });
        var nextSteps = Elements(validation, "nextSteps", NextSteps, (s, field) =>
        {
            validation.Required($"{field}.action", s.Action).NotNull($"{field}.due", s.Due);
            return new NextStep(s.Action?.Trim() ?? "", s.Due ?? default);
        });
        if (Complaint is { } c)
        {
            validation.Defined("complaint.type", c.Type).Defined("complaint.severity", c.Severity)
                .Required("complaint.description", c.Description).Required("complaint.contactPerson", c.ContactPerson);
        }

        if (ProposedGrade is not null && string.IsNullOrWhiteSpace(GradeReason))
        {
            validation.Add("gradeReason", "Say why the customer should move to the proposed grade.");
        }

        return validation.IsValid
            ? new VisitReport(Purpose!.Trim(), Needs?.Trim() ?? "", objections, Suggestions?.Trim() ?? "", competitors, Satisfaction!.Value,
                TrainingGiven?.Trim() ?? "", nextSteps, ProposedGrade, GradeReason?.Trim(),
                Complaint is { } complaint
                    ? new VisitComplaint(complaint.Type!.Value, complaint.Severity!.Value, string.IsNullOrWhiteSpace(complaint.ProductLine) ? null : complaint.ProductLine.Trim(),
                        complaint.Description!.Trim(), complaint.ContactPerson!.Trim())
                    : null,
                string.IsNullOrWhiteSpace(ProposeDeregistration) ? null : ProposeDeregistration.Trim())
            : null;
    }

    // The limits (Validation.Limits) already named null elements and overlong or out-of-range values; these are the rules.
    private static List<T> Elements<TInput, T>(Validation validation, string field, IReadOnlyList<TInput?>? items, Func<TInput, string, T> check)
        where TInput : class =>
        (items ?? []).Select((item, i) => (item, i)).Where(x => x.item is not null).Select(x => check(x.item!, $"{field}[{x.i}]")).ToList();
}

public sealed record ReviewRequest(bool? Approve, [property: MaxLength(VisitLimits.Reason)] string? Comment = null);

/// <summary>
/// The visit report and customer record card (拜访报告、拜访客户记录卡) and its review (客户跟进记录审核): the rep writes
/// and revises it, submits it after checking out (the first submission completes the visit and publishes VisitCompleted,
/// a proposed grade publishes CustomerGradeProposed for Customers to confirm, and a complaint in the report is filed
/// into Complaints by ComplaintRaisedOnVisit, once, as is a proposal to deregister an invalid customer for the CRM
/// supervisor, by CustomerDeregistrationProposed); a branch manager, regional director
/// or headquarters approves it or returns it with a comment, and the rep revises and resubmits. Every step keeps who and when.
/// </summary>
public static class VisitReports
{
    public static void MapVisitReports(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:guid}/report", Write)
            .WithName("WriteVisitReport")
            .WithSummary("Writes or revises the visit's report (not once submitted or approved). Honours If-Match.");
        api.MapPost("/{id:guid}/report/submit", Submit)
            .WithName("SubmitVisitReport")
            .WithSummary("Submits the report to the manager after checking out; the first submission completes the visit. Honours If-Match.");
        api.MapPost("/{id:guid}/report/review", Review)
            .RequireAuthorization(Policies.Managers)
            .WithName("ReviewVisitReport")
            .WithSummary("Approves a submitted report, or returns it to the rep with a comment. Honours If-Match.");
    }

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Write(
        Guid id, VisitReportRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation();
        var report = request.Check(validation);
        var (visit, refusal) = await db.FindForChange(id, user, http, validation, (u, v) => u.MayWork(v), "Only the rep who made the visit writes its report.");
        if (visit is null)
        {
            return refusal!;
        }

        visit.WriteReport(report!, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Submit(
        Guid id, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (visit, refusal) = await db.FindForChange(id, user, http, new Validation(), (u, v) => u.MayWork(v), "Only the rep who made the visit submits its report.");
        if (visit is null)
        {
            return refusal!;
        }

        visit.SubmitReport(user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Review(
        Guid id, ReviewRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).NotNull("approve", request.Approve);
        if (request.Approve == false && string.IsNullOrWhiteSpace(request.Comment))
        {
            validation.Add("comment", "Say what to revise when returning a report.");
        }

        var (visit, refusal) = await db.FindForChange(id, user, http, validation, (u, v) => u.MayReview(v),
            "A report is reviewed by a manager of its region, never by the rep who wrote it.");
        if (visit is null)
        {
            return refusal!;
        }

        visit.Review(request.Approve!.Value, request.Comment?.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }
}
