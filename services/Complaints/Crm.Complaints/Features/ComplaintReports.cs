using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

public sealed record OpenComplaintsRow(string? Department, ComplaintStatus Status, int Count);

public sealed record SlaComplianceRow(string? Department, ComplaintType Type, int Resolved, int ResolvedWithinSla, double? CompliancePercent, int OpenBreached);

public sealed record ResolutionTimeRow(string? Department, int Resolved, double MeanHours, double P90Hours, double MeanBusinessHours, double P90BusinessHours);

public sealed record RepeatComplaintsRow(Guid CustomerId, string CustomerName, string Region, string OwnerId, int Complaints, DateTimeOffset FirstFiledAt, DateTimeOffset LastFiledAt);

public sealed record ReportPeriod(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// Reports over the complaints the caller may see: open complaints by department and status, SLA compliance by
/// department and type, time to resolve (mean and 90th percentile, elapsed and business hours), and customers with
/// repeat complaints. Counting and grouping run in the database; percentiles over the resolved durations in memory.
/// </summary>
public static class ComplaintReports
{
    public static void MapComplaintReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports");
        reports.MapGet("/open", Open).WithName("OpenComplaintsReport").WithSummary("Open complaints by department and status.");
        reports.MapGet("/sla-compliance", SlaCompliance).WithName("SlaComplianceReport")
            .WithSummary("Per department and type: complaints resolved (filed in the period), how many within SLA, and open ones already past their resolution deadline.");
        reports.MapGet("/resolution-times", ResolutionTimes).WithName("ResolutionTimesReport")
            .WithSummary("Per department and overall (department null): mean and 90th-percentile time to resolve, elapsed and in business hours.");
        reports.MapGet("/repeat-complaints", Repeats).WithName("RepeatComplaintsReport")
            .WithSummary("Customers with at least `minimum` (default 2) complaints filed in the period, most first.");
    }

    private static async Task<Ok<List<OpenComplaintsRow>>> Open(ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        ComplaintStatus[] open = [ComplaintStatus.New, ComplaintStatus.Routed, ComplaintStatus.InProgress, ComplaintStatus.WaitingOnCustomer];
        var rows = await db.Complaints.AsNoTracking().VisibleTo(user)
            .Where(c => open.Contains(c.Status))
            .GroupBy(c => new { c.Department, c.Status })
            .Select(g => new OpenComplaintsRow(g.Key.Department, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderBy(r => r.Department).ThenBy(r => r.Status).ToList());
    }

    private static async Task<Ok<List<SlaComplianceRow>>> SlaCompliance(
        [AsParameters] ReportPeriod period, ComplaintsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaints = Filed(db, user, period);
        var resolved = await complaints.Where(c => c.ResolvedWithinSla != null)
            .GroupBy(c => new { c.Department, c.Type })
            .Select(g => new { g.Key.Department, g.Key.Type, Resolved = g.Count(), Within = g.Count(c => c.ResolvedWithinSla == true) })
            .ToListAsync(cancellationToken);
        ComplaintStatus[] running = [ComplaintStatus.Routed, ComplaintStatus.InProgress];
        var breached = await complaints.Where(c => running.Contains(c.Status) && c.ResolutionDueAt < now)
            .GroupBy(c => new { c.Department, c.Type })
            .Select(g => new { g.Key.Department, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var keys = resolved.Select(r => (r.Department, r.Type)).Union(breached.Select(b => (b.Department, b.Type))).Distinct();
        var rows = keys.Select(k =>
        {
            var r = resolved.FirstOrDefault(x => x.Department == k.Department && x.Type == k.Type);
            var openBreached = breached.FirstOrDefault(x => x.Department == k.Department && x.Type == k.Type)?.Count ?? 0;
            return new SlaComplianceRow(k.Department, k.Type, r?.Resolved ?? 0, r?.Within ?? 0,
                r is { Resolved: > 0 } ? Math.Round(100.0 * r.Within / r.Resolved, 1) : null, openBreached);
        });
        return TypedResults.Ok(rows.OrderBy(r => r.Department).ThenBy(r => r.Type).ToList());
    }

    private static async Task<Ok<List<ResolutionTimeRow>>> ResolutionTimes(
        [AsParameters] ReportPeriod period, ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var resolved = await Filed(db, user, period)
            .Where(c => c.ResolvedAt != null)
            .Select(c => new { c.Department, c.FiledAt, ResolvedAt = c.ResolvedAt!.Value, c.BusinessTimeUsed })
            .ToListAsync(cancellationToken);
        var rows = resolved.GroupBy(r => r.Department)
            .Select(g => Row(g.Key, g.Select(r => ((r.ResolvedAt - r.FiledAt).TotalHours, r.BusinessTimeUsed.TotalHours)).ToList()))
            .OrderBy(r => r.Department)
            .ToList();
        if (resolved.Count > 0)
        {
            rows.Add(Row(null, resolved.Select(r => ((r.ResolvedAt - r.FiledAt).TotalHours, r.BusinessTimeUsed.TotalHours)).ToList()));
        }

        return TypedResults.Ok(rows);

        static ResolutionTimeRow Row(string? department, List<(double Elapsed, double Business)> times) => new(
            department, times.Count,
            Math.Round(times.Average(t => t.Elapsed), 2), Math.Round(Percentile(times.Select(t => t.Elapsed), 0.9), 2),
            Math.Round(times.Average(t => t.Business), 2), Math.Round(Percentile(times.Select(t => t.Business), 0.9), 2));
    }

    private static async Task<Results<Ok<List<RepeatComplaintsRow>>, ValidationProblem>> Repeats(
        [AsParameters] ReportPeriod period, int? minimum, ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (minimum is < 2 or > 1000)
        {
            return new Validation().Add("minimum", "From 2 to 1000.").ToProblem();
        }

        var least = minimum ?? 2;
        var rows = await Filed(db, user, period)
            .GroupBy(c => new { c.CustomerId, c.CustomerName, c.Region, c.OwnerId })
            .Where(g => g.Count() >= least)
            .Select(g => new RepeatComplaintsRow(g.Key.CustomerId, g.Key.CustomerName, g.Key.Region, g.Key.OwnerId, g.Count(), g.Min(c => c.FiledAt), g.Max(c => c.FiledAt)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderByDescending(r => r.Complaints).ThenBy(r => r.CustomerName).Take(Paging.MaxPageSize).ToList());
    }

    private static IQueryable<Complaint> Filed(ComplaintsDbContext db, CurrentUser user, ReportPeriod period)
    {
        var complaints = db.Complaints.AsNoTracking().VisibleTo(user);
        if (period.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            complaints = complaints.Where(c => c.FiledAt >= fromUtc);
        }

        if (period.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            complaints = complaints.Where(c => c.FiledAt < toUtc);
        }

        return complaints;
    }

    /// <summary>The nearest-rank percentile (the smallest value with at least <paramref name="share"/> of the values at or below it).</summary>
    public static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
