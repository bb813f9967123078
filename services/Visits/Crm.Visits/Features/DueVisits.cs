using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

/// <param name="LastVisitOn">The day of the last completed visit (checked out), in the service's time zone; null if never visited.</param>
/// <param name="DaysOverdue">Whole days past <paramref name="NextDue"/>; 0 when not yet due.</param>
public sealed record DueCustomerResponse(
    Guid CustomerId, string Code, string Name, string Region, string OwnerId, CustomerGrade Grade, CustomerTier Tier,
    DateOnly? LastVisitOn, int IntervalDays, DateOnly NextDue, int DaysOverdue);

/// <summary>
/// Which of the caller's customers are due for a visit, and by when (拜访频次): each active customer's last completed
/// visit plus its region's interval for its grade and tier. A customer never visited is due today. Reps see their own
/// customers, managers and directors their regions, headquarters all; deregistered customers are left out.
/// </summary>
public static class DueVisits
{
    public static void MapDueVisits(this RouteGroupBuilder api) =>
        api.MapGet("/due", Get)
            .WithName("ListDueVisits")
            .WithSummary("The caller's customers with their next visit due date, soonest first; ?overdueOnly=true for those past it.");

    private static async Task<Results<Ok<PagedResult<DueCustomerResponse>>, ValidationProblem>> Get(
        VisitsDbContext db, CurrentUser user, TimeProvider time, IOptions<VisitsOptions> options, CancellationToken cancellationToken,
        string? region = null, string? ownerId = null, bool overdueOnly = false, int? page = null, int? pageSize = null)
    {
        var validation = new Validation().MaxLength("region", region, 50).MaxLength("ownerId", ownerId, 100);
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var due = await DueList(db, user, options.Value, options.Value.DayOf(time.GetUtcNow()), region, ownerId, cancellationToken);
        var listed = (overdueOnly ? due.Where(d => d.DaysOverdue > 0) : due).ToList();
        return TypedResults.Ok(new PagedResult<DueCustomerResponse>(
            listed.Skip((pageNumber - 1) * size).Take(size).ToList(), pageNumber, size, listed.Count));
    }

    /// <summary>Every active customer the caller sees (optionally of one region or owner) with its next due date, soonest first.</summary>
    public static async Task<IReadOnlyList<DueCustomerResponse>> DueList(
        VisitsDbContext db, CurrentUser user, VisitsOptions options, DateOnly today, string? region, string? ownerId, CancellationToken cancellationToken)
    {
        var customers = db.CustomerSnapshots.AsNoTracking().VisibleTo(user).Where(c => c.Status == CustomerStatus.Active);
        if (region is not null)
        {
            customers = customers.Where(c => c.Region == region);
        }

        if (ownerId is not null)
        {
            customers = customers.Where(c => c.OwnerId == ownerId);
        }

        var rows = await customers
            .Select(c => new
            {
                Customer = c,
                LastVisit = db.Visits.Where(v => v.CustomerId == c.Id && v.CheckedOutAt != null).Max(v => v.CheckedOutAt),
            })
            .ToListAsync(cancellationToken);
        var regions = rows.Select(r => r.Customer.Region).Distinct().ToList();
        IReadOnlyDictionary<string, VisitFrequencyPolicy> policies =
            await db.FrequencyPolicies.AsNoTracking().Where(p => regions.Contains(p.Region)).ToDictionaryAsync(p => p.Region, cancellationToken);
        return rows
            .Select(r =>
            {
                var c = r.Customer;
                var interval = policies.IntervalDays(c);
                DateOnly? last = r.LastVisit is { } at ? options.DayOf(at) : null;
                var nextDue = VisitCadence.NextDue(last, interval, today);
                return new DueCustomerResponse(c.Id, c.Code, c.Name, c.Region, c.OwnerId, c.Grade, c.Tier, last, interval, nextDue,
                    VisitCadence.DaysOverdue(nextDue, today));
            })
            .OrderBy(d => d.NextDue).ThenByDescending(d => d.DaysOverdue).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }
}
