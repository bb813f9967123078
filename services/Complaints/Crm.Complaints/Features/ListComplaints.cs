using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

public sealed record ListComplaintsQuery(
    [property: MaxLength(30)] string? Status,
    [property: MaxLength(ComplaintLimits.Department)] string? Department,
    [property: MaxLength(30)] string? Type,
    [property: MaxLength(30)] string? Severity,
    Guid? CustomerId,
    [property: MaxLength(ComplaintLimits.UserId)] string? AssigneeId,
    bool? Escalated,
    int? Page,
    int? PageSize);

public static class ListComplaints
{
    public static void MapListComplaints(this RouteGroupBuilder api) =>
        api.MapGet("/", Handle)
            .WithName("ListComplaints")
            .WithSummary("The complaints the caller may see (a handler: their department's queue; a rep: their customers'), oldest first, filtered, a page at a time.");

    private static async Task<Results<Ok<PagedResult<ComplaintResponse>>, ValidationProblem>> Handle(
        [AsParameters] ListComplaintsQuery query, ComplaintsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(query);
        var (page, pageSize) = Paging.Check(validation, query.Page, query.PageSize);
        var status = validation.EnumName<ComplaintStatus>("status", query.Status);
        var type = validation.EnumName<ComplaintType>("type", query.Type);
        var severity = validation.EnumName<ComplaintSeverity>("severity", query.Severity);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var complaints = db.Complaints.AsNoTracking().VisibleTo(user);
        if (status is not null)
        {
            complaints = complaints.Where(c => c.Status == status);
        }

        if (query.Department is not null)
        {
            complaints = complaints.Where(c => c.Department == query.Department);
        }

        if (type is not null)
        {
            complaints = complaints.Where(c => c.Type == type);
        }

        if (severity is not null)
        {
            complaints = complaints.Where(c => c.Severity == severity);
        }

        if (query.CustomerId is not null)
        {
            complaints = complaints.Where(c => c.CustomerId == query.CustomerId);
        }

        if (query.AssigneeId is not null)
        {
            complaints = complaints.Where(c => c.AssigneeId == query.AssigneeId);
        }

        if (query.Escalated is not null)
        {
            complaints = query.Escalated.Value ? complaints.Where(c => c.EscalationLevel > 0) : complaints.Where(c => c.EscalationLevel == 0);
        }

        var total = await complaints.CountAsync(cancellationToken);
        var items = await complaints.OrderBy(c => c.FiledAt).ThenBy(c => c.Number).TakePage(page, pageSize).ToListAsync(cancellationToken);
        var calendars = await db.CalendarsByCode(cancellationToken);
        var fallback = (await db.CalendarForRegion("", cancellationToken)).ToCalendar();
        var now = time.GetUtcNow();
        return TypedResults.Ok(new PagedResult<ComplaintResponse>(
            items.Select(c => ComplaintResponse.From(c, calendars.GetValueOrDefault(c.CalendarCode) ?? fallback, now)).ToList(), page, pageSize, total));
    }
}
