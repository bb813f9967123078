using Crm.BuildingBlocks.Calendars;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Complaints.Features;

public sealed record NoteRequest([property: MaxLength(1000)] string? Note = null);

public sealed record ResolveRequest([property: MaxLength(2000)] string? RootCause, [property: MaxLength(2000)] string? Fix);

public sealed record ReasonRequest([property: MaxLength(ComplaintLimits.Reason)] string? Reason);

public sealed record TransferRequest([property: MaxLength(ComplaintLimits.Department)] string? Department, [property: MaxLength(ComplaintLimits.Reason)] string? Reason);

public sealed record AssignRequest([property: MaxLength(ComplaintLimits.UserId)] string? AssigneeId);

/// <summary>Satisfaction from 1 (very dissatisfied) to 5 (very satisfied).</summary>
public sealed record ReturnVisitRequest([property: Range(1, 5)] int? Satisfaction, [property: MaxLength(2000)] string? Note = null);

/// <summary>
/// The lifecycle: new → routed → in progress ⇄ waiting on customer → resolved → closed, reopen within a period, transfer
/// and assignment. Each is a POST on the complaint that honours If-Match, answers the complaint, and is refused with 409
/// when the complaint's status does not allow it. Who may call is the endpoint's policy: department handlers (and the
/// CRM supervisor and admins) work complaints, only the supervisor and admins reroute, and anyone may close, reopen and
/// record the return visit. Which complaint is data scoping: a complaint the caller does not see is not found, and a
/// handler works only their department's complaints in their regions.
/// </summary>
public static class WorkComplaint
{
    public static void MapWorkComplaint(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/start", (Guid id, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: true, (c, _, now) => c.Start(user.Id, now)))
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("StartComplaint").WithSummary("The handler takes the complaint up (its first response).");
        api.MapPost("/{id:guid}/wait-on-customer", (Guid id, NoteRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: true, (c, calendar, now) => c.WaitOnCustomer(user.Id, Trim(request.Note), calendar, now), new Validation().Limits(request)))
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("WaitOnCustomer").WithSummary("Waits on the customer; the SLA clock stops until they respond.");
        api.MapPost("/{id:guid}/customer-responded", (Guid id, NoteRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: true, (c, calendar, now) => c.CustomerResponded(user.Id, Trim(request.Note), calendar, now), new Validation().Limits(request)))
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("CustomerResponded").WithSummary("The customer answered; work and the SLA clock resume.");
        api.MapPost("/{id:guid}/resolve", (Guid id, ResolveRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: true, (c, calendar, now) =>
                    c.Resolve(user.Id, request.RootCause!.Trim(), request.Fix!.Trim(), calendar, now),
                    new Validation().Limits(request).Required("rootCause", request.RootCause).Required("fix", request.Fix)))
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("ResolveComplaint").WithSummary("Resolves the complaint with its root cause and fix; publishes ComplaintResolved.");
        api.MapPost("/{id:guid}/close", (Guid id, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: false, (c, _, now) => c.Close(user.Id, now)))
            .WithName("CloseComplaint").WithSummary("Closes a resolved complaint; publishes ComplaintClosed with the return visit's satisfaction.");
        api.MapPost("/{id:guid}/reopen", (Guid id, ReasonRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, IOptions<ComplaintsOptions> options) =>
                Act(id, db, user, http, time, work: false, (c, calendar, now) =>
                    c.Reopen(user.Id, request.Reason!.Trim(), TimeSpan.FromDays(options.Value.ReopenWithinDays), calendar, now),
                    new Validation().Limits(request).Required("reason", request.Reason)))
            .WithName("ReopenComplaint").WithSummary("Reopens a resolved or closed complaint within the configured period; its SLA clock runs on. Publishes ComplaintReopened.");
        api.MapPost("/{id:guid}/transfer", async (Guid id, TransferRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
            {
                var validation = new Validation().Limits(request).Required("department", request.Department).Required("reason", request.Reason);
                if (request.Department is { Length: > 0 } department && !await db.DepartmentExists(department.Trim(), http.RequestAborted))
                {
                    validation.Add("department", "No such department.");
                }

                return await Act(id, db, user, http, time, work: true, (c, calendar, now) =>
                    c.Transfer(request.Department!.Trim(), request.Reason!.Trim(), user.Id, calendar, now), validation);
            })
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("TransferComplaint").WithSummary("Hands the complaint to another department with a reason; the SLA continues.");
        api.MapPost("/{id:guid}/assign", (Guid id, AssignRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Act(id, db, user, http, time, work: true, (c, _, now) => c.Assign(request.AssigneeId!.Trim(), user.Id, now),
                    new Validation().Limits(request).Required("assigneeId", request.AssigneeId)))
            .RequireAuthorization(Policies.ComplaintHandlers)
            .WithName("AssignComplaint").WithSummary("Assigns the complaint to a person of its department.");
        api.MapPost("/{id:guid}/return-visit", (Guid id, ReturnVisitRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
            {
                var validation = new Validation().Limits(request);
                if (request.Satisfaction is null)
                {
                    validation.Add("satisfaction", "Required, from 1 (very dissatisfied) to 5 (very satisfied).");
                }

                return Act(id, db, user, http, time, work: false, (c, _, now) => c.RecordReturnVisit(request.Satisfaction!.Value, Trim(request.Note), user.Id, now), validation);
            })
            .WithName("RecordReturnVisit").WithSummary("Records the return visit (回访) after resolution with the customer's satisfaction, 1 to 5.");
        api.MapPost("/{id:guid}/reroute", async (Guid id, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
            {
                var rules = await db.RequireCurrentRuleSet(http.RequestAborted);
                return await Act(id, db, user, http, time, work: false, (c, _, now) => c.Reroute(rules.Route(c.RoutingInput), user.Id, now));
            })
            .RequireAuthorization(Policies.Stewards)
            .WithName("RerouteComplaint").WithSummary("Routes an open complaint again by the current rule set (rule changes never reroute by themselves).");
    }

    /// <param name="work">
    /// Whether the caller must work the complaint, not only see it: the policy has let in their role, and a department
    /// handler works only the complaints of their department in their regions.
    /// </param>
    private static async Task<Results<Ok<ComplaintResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Act(
        Guid id, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, bool work,
        Action<Complaint, BusinessCalendar, DateTimeOffset> change, Validation? validation = null)
    {
        var (complaint, refusal) = await db.Complaints.FindForChange(id, http, validation, user.MaySee, c => !work || user.MayWork(c),
            c => $"Only the handlers of the {c.Department} department in {c.Region}, the CRM supervisor and admins may work this complaint.");
        if (complaint is null)
        {
            return refusal!;
        }

        var calendar = await db.CalendarOf(complaint, http.RequestAborted);
        var now = time.GetUtcNow();
        change(complaint, calendar, now);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(complaint.Version);
        return TypedResults.Ok(ComplaintResponse.From(complaint, calendar, now));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
