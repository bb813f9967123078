using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

/// <summary>Who the figures are grouped by: each dealer, each rep (their dealers), or each region.</summary>
public enum PerformanceGrouping { Dealer, Rep, Region }

/// <param name="Completion">Net sales over the planned amount; null where nothing was planned.</param>
public sealed record PerformanceRow(string Key, string Name, decimal Planned, decimal Actual, decimal? Completion);

/// <param name="Month">yyyy-MM.</param>
public sealed record PerformanceMonth(string Month, decimal Planned, decimal Actual, decimal? Completion);

/// <param name="Rows">By the grouping asked, furthest behind first (the lowest completion; those without a plan last).</param>
/// <param name="Trend">The caller's whole scope over the six months up to the one asked.</param>
public sealed record SalesPerformance(string Month, PerformanceGrouping By, IReadOnlyList<PerformanceRow> Rows, IReadOnlyList<PerformanceMonth> Trend);

/// <summary>
/// Plan against actual (计划完成率) for a month: each dealer's, rep's or region's planned amount against its net sales,
/// with the completion rate, furthest behind first, and the trend over the last six months; within the caller's scope.
/// </summary>
public static class SalesPerformanceReport
{
    public static void MapSalesPerformance(this RouteGroupBuilder api) =>
        api.MapGet("/sales-performance", Get)
            .WithName("SalesPerformance")
            .WithSummary("Plan against net sales for ?month=yyyy-MM by ?by=Dealer|Rep|Region (Dealer by default), furthest behind first, with the six-month trend.");

    private static async Task<Results<Ok<SalesPerformance>, ValidationProblem>> Get(
        ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken, string? month = null, string? by = null)
    {
        var validation = new Validation();
        if (!SalesMonth.TryParse(month, out var first))
        {
            validation.Add("month", "Required: a month as yyyy-MM, such as 2026-03.");
        }

        var grouping = validation.EnumName<PerformanceGrouping>("by", by) ?? PerformanceGrouping.Dealer;
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var from = first.AddMonths(-5);
        var plans = await db.SalesPlans.AsNoTracking().VisibleTo(user).Where(p => p.Month >= from && p.Month <= first).ToListAsync(cancellationToken);
        var actuals = await db.MonthlySales.AsNoTracking().VisibleTo(user).Where(m => m.Month >= from && m.Month <= first).ToListAsync(cancellationToken);
        var names = plans.GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.First().CustomerName);
        var known = await db.CustomerSnapshots.AsNoTracking().Where(c => actuals.Select(a => a.CustomerId).Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        foreach (var customer in known)
        {
            names[customer.Id] = customer.Name;
        }

        (string Key, string Name) KeyOf(Guid customerId, string ownerId, string region) => grouping switch
        {
            PerformanceGrouping.Rep => (ownerId, ownerId),
            PerformanceGrouping.Region => (region, region),
            _ => (customerId.ToString(), names.GetValueOrDefault(customerId, customerId.ToString())),
        };

        var planned = plans.Where(p => p.Month == first).Select(p => (Key: KeyOf(p.CustomerId, p.OwnerId, p.Region), Planned: p.PlannedAmount(), Actual: 0m));
        var actual = actuals.Where(a => a.Month == first).Select(a => (Key: KeyOf(a.CustomerId, a.OwnerId, a.Region), Planned: 0m, Actual: a.NetAmount));
        var rows = planned.Concat(actual).GroupBy(r => r.Key)
            .Select(g => Row(g.Key.Key, g.Key.Name, g.Sum(r => r.Planned), g.Sum(r => r.Actual)))
            .OrderBy(r => r.Completion is null).ThenBy(r => r.Completion).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var trend = Enumerable.Range(0, 6).Select(i => from.AddMonths(i))
            .Select(m => Row(SalesMonth.Text(m), "",
                plans.Where(p => p.Month == m).Sum(p => p.PlannedAmount()), actuals.Where(a => a.Month == m).Sum(a => a.NetAmount)))
            .Select(r => new PerformanceMonth(r.Key, r.Planned, r.Actual, r.Completion))
            .ToList();
        return TypedResults.Ok(new SalesPerformance(SalesMonth.Text(first), grouping, rows, trend));
    }

    private static PerformanceRow Row(string key, string name, decimal planned, decimal actual) =>
        new(key, name, planned, actual, planned > 0 ? decimal.Round(actual / planned, 4) : null);
}
