using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Features;

public sealed record VisitSummary(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, DateOnly ScheduledFor, bool AdHoc,
    VisitStatus Status, bool CheckInFlagged, ReportStatus? ReportStatus, long Version);

/// <summary>Reading visits: one with its report and review trail, or a page of them by day, status, owner or report state.</summary>
public static class Visits
{
    public static void MapVisits(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}", Get)
            .WithName("GetVisit")
            .WithSummary("One visit with its check-in, check-out, report and review trail, with its version as ETag.");
        api.MapGet("/", List)
            .WithName("ListVisits")
            .WithSummary("The visits the caller sees, by day; ?reportStatus=Submitted is a manager's review inbox.");
    }

    private static async Task<Results<Ok<VisitResponse>, NotFound>> Get(Guid id, VisitsDbContext db, CurrentUser user, HttpContext http)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, http.RequestAborted);
        if (visit is null || !user.MaySee(visit))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }

    private static async Task<Results<Ok<PagedResult<VisitSummary>>, ValidationProblem>> List(
        VisitsDbContext db, CurrentUser user, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null, string? status = null, string? reportStatus = null, string? ownerId = null,
        Guid? customerId = null, bool? flagged = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation().MaxLength("ownerId", ownerId, 100);
        var visitStatus = validation.EnumName<VisitStatus>("status", status);
        var reports = validation.EnumName<ReportStatus>("reportStatus", reportStatus);
        if (from > to)
        {
            validation.Add("to", "On or after from.");
        }

        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Visits.AsNoTracking().VisibleTo(user);
        query = from is null ? query : query.Where(v => v.ScheduledFor >= from);
        query = to is null ? query : query.Where(v => v.ScheduledFor <= to);
        query = visitStatus is null ? query : query.Where(v => v.Status == visitStatus);
        query = reports is null ? query : query.Where(v => v.ReportStatus == reports);
        query = ownerId is null ? query : query.Where(v => v.OwnerId == ownerId);
        query = customerId is null ? query : query.Where(v => v.CustomerId == customerId);
        query = flagged is null ? query : query.Where(v => v.CheckInFlagged == flagged);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(v => v.ScheduledFor).ThenBy(v => v.Number)
            .TakePage(pageNumber, size)
            .Select(v => new VisitSummary(v.Id, v.Number, v.CustomerId, v.CustomerName, v.Region, v.OwnerId, v.ScheduledFor, v.PlanId == null,
                v.Status, v.CheckInFlagged, v.ReportStatus, v.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<VisitSummary>(items, pageNumber, size, total));
    }
}
