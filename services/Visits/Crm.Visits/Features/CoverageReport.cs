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

public enum CoverageGrouping { Rep, Region }

/// <param name="Visits">Completed visits in the period to customers of the grade that had an earlier visit, so a due date.</param>
/// <param name="OnTime">Those made by the due date the earlier visit and the grade's interval set.</param>
public sealed record OnTimeByGrade(CustomerGrade Grade, int Visits, int OnTime, decimal? Rate);

/// <param name="Key">The rep's id or the region.</param>
/// <param name="Scheduled">Visits scheduled for a day in the period (cancelled ones included).</param>
/// <param name="Done">Of those, the ones made (checked out).</param>
/// <param name="CompletionRate">Done ÷ (scheduled − cancelled).</param>
/// <param name="TopFifthShare">The share of the period's visits spent on the most-visited fifth of the customers (巡回访问: near 0.2 when visits are spread).</param>
/// <param name="ReviewTurnaroundHours">Average hours from a report's first submission to its first review, over reports reviewed.</param>
public sealed record CoverageGroup(
    string Key, int Customers, int Scheduled, int Done, int Cancelled, int AdHoc, decimal? CompletionRate, IReadOnlyList<OnTimeByGrade> OnTime,
    int Overdue, int NeverVisited, decimal? TopFifthShare, int FlaggedCheckIns, int AwaitingReview, double? ReviewTurnaroundHours);

public sealed record OverdueCustomer(Guid CustomerId, string Code, string Name, string Region, string OwnerId, CustomerGrade Grade, DateOnly? LastVisitOn, DateOnly NextDue, int DaysOverdue);

/// <param name="Overdue">The customers overdue on <paramref name="To"/>, most overdue first (at most <see cref="CoverageReport.OverdueListed"/>).</param>
public sealed record CoverageReportResponse(
    DateOnly From, DateOnly To, CoverageGrouping GroupBy, IReadOnlyList<CoverageGroup> Groups, IReadOnlyList<OverdueCustomer> Overdue, IReadOnlyList<OverdueCustomer> NeverVisited);

/// <summary>
/// Whether the field work is really done (compliance and coverage), per rep or region for a period: visits scheduled
/// against made, on-time visits by grade, customers overdue and never visited, how concentrated visits are on a few
/// customers (favouritism), flagged check-ins and how long reports wait for review. Reps see their own figures, managers
/// and directors their regions', headquarters all; an overdue customer is listed to its owner and the owner's managers.
/// </summary>
public static class CoverageReport
{
    public const int OverdueListed = 200;
    private const int MaxDays = 366;

    public static void MapCoverageReport(this RouteGroupBuilder api) =>
        api.MapGet("/reports/coverage", Handle)
            .WithName("VisitCoverageReport")
            .WithSummary("Visit compliance and coverage per rep or region for a period (at most a year): scheduled vs made, on time by grade, overdue and never-visited customers, favouritism, flagged check-ins, review turnaround.");

    private static async Task<Results<Ok<CoverageReportResponse>, ValidationProblem>> Handle(
        VisitsDbContext db, CurrentUser user, TimeProvider time, IOptions<VisitsOptions> options, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null, string? groupBy = null, string? region = null)
    {
        var validation = new Validation().NotNull("from", from).NotNull("to", to).MaxLength("region", region, 50);
        var grouping = validation.EnumName<CoverageGrouping>("groupBy", groupBy) ?? CoverageGrouping.Rep;
        if (from > to)
        {
            validation.Add("to", "On or after from.");
        }
        else if (to?.DayNumber - from?.DayNumber >= MaxDays)
        {
            validation.Add("to", $"At most {MaxDays} days after from.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var (first, last) = (from!.Value, to!.Value);
        var today = options.Value.DayOf(time.GetUtcNow());
        var asOf = last < today ? last : today;
        var customers = await db.CustomerSnapshots.AsNoTracking().VisibleTo(user).Where(c => c.Status == CustomerStatus.Active)
            .Where(c => region == null || c.Region == region).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().VisibleTo(user).Where(v => region == null || v.Region == region)
            .Where(v => v.CheckedOutAt != null || (v.ScheduledFor >= first && v.ScheduledFor <= last))
            .ToListAsync(cancellationToken);
        var policies = await db.FrequencyPolicies.AsNoTracking().ToDictionaryAsync(p => p.Region, cancellationToken);
        var facts = new Facts(customers, visits, policies, options.Value, first, last, asOf);

        string KeyOf(string ownerId, string customerRegion) => grouping == CoverageGrouping.Rep ? ownerId : customerRegion;
        var keys = customers.Select(c => KeyOf(c.OwnerId, c.Region)).Concat(visits.Select(v => KeyOf(v.OwnerId, v.Region)))
            .Distinct().Order(StringComparer.Ordinal);
        var groups = keys.Select(key => facts.Group(key,
            customers.Where(c => KeyOf(c.OwnerId, c.Region) == key).ToList(),
            visits.Where(v => KeyOf(v.OwnerId, v.Region) == key).ToList())).ToList();
        var overdue = facts.Due.Where(d => d.DaysOverdue > 0).OrderByDescending(d => d.DaysOverdue).ThenBy(d => d.Code, StringComparer.Ordinal)
            .Take(OverdueListed).ToList();
        var never = facts.Due.Where(d => d.LastVisitOn is null).OrderBy(d => d.Code, StringComparer.Ordinal).Take(OverdueListed).ToList();
        return TypedResults.Ok(new CoverageReportResponse(first, last, grouping, groups, overdue, never));
    }

    /// <summary>What the report derives from the customers and visits in scope; every figure is a rule over these.</summary>
    private sealed class Facts
    {
        private readonly IReadOnlyDictionary<string, VisitFrequencyPolicy> policies;
        private readonly VisitsOptions options;
        private readonly DateOnly from;
        private readonly DateOnly to;
        private readonly Dictionary<Guid, CustomerSnapshot> customersById;
        private readonly Dictionary<Guid, List<DateOnly>> completedDays;

        public Facts(
            IReadOnlyList<CustomerSnapshot> customers, IReadOnlyList<Visit> visits, IReadOnlyDictionary<string, VisitFrequencyPolicy> policies,
            VisitsOptions options, DateOnly from, DateOnly to, DateOnly asOf)
        {
            this.policies = policies;
            this.options = options;
            this.from = from;
            this.to = to;
            customersById = customers.ToDictionary(c => c.Id);
            completedDays = visits.Where(v => v.CheckedOutAt is not null)
                .GroupBy(v => v.CustomerId)
                .ToDictionary(g => g.Key, g => g.Select(v => options.DayOf(v.CheckedOutAt!.Value)).Order().ToList());
            Due = customers.Select(c =>
            {
                var last = completedDays.GetValueOrDefault(c.Id)?.LastOrDefault(d => d <= asOf);
                DateOnly? lastVisit = last == default(DateOnly) ? null : last;
                var due = VisitCadence.NextDue(lastVisit, policies.IntervalDays(c), asOf);
                return new OverdueCustomer(c.Id, c.Code, c.Name, c.Region, c.OwnerId, c.Grade, lastVisit, due, VisitCadence.DaysOverdue(due, asOf));
            }).ToList();
        }

        public IReadOnlyList<OverdueCustomer> Due { get; }

        public CoverageGroup Group(string key, IReadOnlyList<CustomerSnapshot> customers, IReadOnlyList<Visit> visits)
        {
            var scheduled = visits.Where(v => v.ScheduledFor >= from && v.ScheduledFor <= to).ToList();
            var cancelled = scheduled.Count(v => v.Status == VisitStatus.Cancelled);
            var done = scheduled.Count(v => v.CheckedOutAt is not null);
            var made = visits.Where(v => v.CheckedOutAt is { } at && Day(at) >= from && Day(at) <= to).ToList();
            var ids = customers.Select(c => c.Id).ToHashSet();
            var due = Due.Where(d => ids.Contains(d.CustomerId)).ToList();
            var reviewed = made.Select(v => (Submitted: v.Reviews.FirstOrDefault(r => r.Action == ReviewAction.Submitted),
                    Reviewed: v.Reviews.FirstOrDefault(r => r.Action is ReviewAction.Approved or ReviewAction.Returned)))
                .Where(x => x.Submitted is not null && x.Reviewed is not null).ToList();
            return new CoverageGroup(
                key, customers.Count, scheduled.Count, done, cancelled, scheduled.Count(v => v.AdHoc),
                Rate(done, scheduled.Count - cancelled),
                Enum.GetValues<CustomerGrade>().Select(g => OnTime(made, g)).ToList(),
                due.Count(d => d.DaysOverdue > 0), due.Count(d => d.LastVisitOn is null),
                TopFifthShare(customers.Count, made),
                made.Count(v => v.CheckInFlagged),
                visits.Count(v => v.ReportStatus == ReportStatus.Submitted),
                reviewed.Count == 0 ? null : Math.Round(reviewed.Average(x => (x.Reviewed!.At - x.Submitted!.At).TotalHours), 2));
        }

        /// <summary>A visit is on time when made by its due date: the customer's previous visit plus the grade's interval.</summary>
        private OnTimeByGrade OnTime(IReadOnlyList<Visit> made, CustomerGrade grade)
        {
            var counted = 0;
            var onTime = 0;
            foreach (var visit in made)
            {
                if (!customersById.TryGetValue(visit.CustomerId, out var customer) || customer.Grade != grade)
                {
                    continue;
                }

                var day = Day(visit.CheckedOutAt!.Value);
                var previous = completedDays[visit.CustomerId].LastOrDefault(d => d < day);
                if (previous == default)
                {
                    continue;
                }

                counted++;
                onTime += day <= previous.AddDays(policies.IntervalDays(customer)) ? 1 : 0;
            }

            return new OnTimeByGrade(grade, counted, onTime, Rate(onTime, counted));
        }

        /// <summary>Visits to the most-visited ⌈customers ÷ 5⌉ customers, as a share of all visits made.</summary>
        private static decimal? TopFifthShare(int customers, IReadOnlyList<Visit> made)
        {
            if (made.Count == 0 || customers == 0)
            {
                return null;
            }

            var top = made.GroupBy(v => v.CustomerId).Select(g => g.Count()).OrderByDescending(n => n).Take((customers + 4) / 5).Sum();
            return Rate(top, made.Count);
        }

        private DateOnly Day(DateTimeOffset at) => options.DayOf(at);

        private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
    }
}
