using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record AuditQuery(
    Guid? CustomerId, [property: MaxLength(CustomerLimits.UserId)] string? UserId, [property: MaxLength(50)] string? Action,
    DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string UserId, string Action, Guid? CustomerId, string Details);

/// <summary>The audit log of the customer database, for the CRM supervisor (and admins), newest first.</summary>
public static class AuditLog
{
    public static void MapAuditLog(this RouteGroupBuilder api) =>
        api.MapGet("/audit", Handle)
            .WithName("GetCustomerAuditLog")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary("Who changed or read which customer, when and what: filter by customer, user, action and period. CRM supervisor or admin only.");

    private static async Task<Results<Ok<PagedResult<AuditEntryResponse>>, ValidationProblem>> Handle(
        [AsParameters] AuditQuery query, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        var validation = new Validation().Limits(query);
        var (page, pageSize) = Paging.Check(validation, query.Page, query.PageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entries = db.AuditLog.AsNoTracking();
        if (query.CustomerId is { } customerId)
        {
            entries = entries.Where(a => a.CustomerId == customerId);
        }

        if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var start = from.ToUniversalTime();
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.ToUniversalTime();
            entries = entries.Where(a => a.At <= end);
        }

        var total = await entries.CountAsync(http.RequestAborted);
        // Ids grow with time, so ordering by id is newest first without sorting on a date column.
        var items = await entries.OrderByDescending(a => a.Id).TakePage(page, pageSize)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.UserId, a.Action, a.CustomerId, a.Details))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new PagedResult<AuditEntryResponse>(items, page, pageSize, total));
    }
}
