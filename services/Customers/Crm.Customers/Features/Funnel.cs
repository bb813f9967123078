using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>
/// The customers a funnel query covers. <see cref="Everything"/>: a headquarters caller without filters, for whom the
/// queries over the grade history need no join with the customers (the 1,000,000-customer funnel's common case).
/// </summary>
public sealed record FunnelScope(IQueryable<Customer> Customers, bool Everything);

public sealed record FunnelQuery(
    [property: MaxLength(CustomerLimits.Region)] string? Region, [property: MaxLength(CustomerLimits.UserId)] string? OwnerId,
    DateTimeOffset? At, [property: MaxLength(20)] string? GroupBy);

public sealed record FunnelRow(string Group, int A, int B, int C, int D, int E, int Total);

public sealed record FunnelResponse(DateTimeOffset At, bool FromHistory, string? Region, string? OwnerId, string? GroupBy, IReadOnlyList<FunnelRow> Rows, string Definition);

public sealed record ConversionsQuery(
    [property: MaxLength(CustomerLimits.Region)] string? Region, [property: MaxLength(CustomerLimits.UserId)] string? OwnerId,
    DateTimeOffset? From, DateTimeOffset? To);

public sealed record ConversionRate(string Stage, CustomerGrade From, CustomerGrade To, int Cohort, int Converted, decimal? Rate);

public sealed record ConversionsResponse(DateTimeOffset From, DateTimeOffset To, string? Region, string? OwnerId, IReadOnlyList<ConversionRate> Rates, string Definition);

/// <summary>
/// The pipeline funnel (ABCDE 分级) by region, by rep and for the whole company, now or at any past date, and the
/// stage-to-stage conversion rates, all computed in the database from the grade history with GROUP BY, never by
/// loading customers. Scoping is the caller's (<see cref="CurrentUserQueries.VisibleTo{T}"/>); region and owner filters
/// and groups use the customer's current region and owner. Deregistered customers leave the pipeline on their
/// deregistration date.
/// </summary>
public static class Funnel
{
    public const string FunnelDefinition =
        "Active customers by pipeline grade. For a past date, each customer's grade is the one set by the last grade change at or before that date; " +
        "customers registered after the date or deregistered at or before it are not counted. Region and owner are the customer's current ones.";

    public const string ConversionDefinition =
        "For a stage X→Y: the cohort is every customer that was at grade X at some time in the period (at X at its start, or moved to X during it); " +
        "converted are those of them that, after their first time at X in the period, moved to Y or a more mature grade before the period ended. " +
        "Rate = converted ÷ cohort (null when the cohort is empty). E→A counts only moves to A.";

    public static void MapFunnel(this RouteGroupBuilder api)
    {
        api.MapGet("/funnel", Counts)
            .WithName("GetCustomerFunnel")
            .WithSummary("Customers at each grade now, or at a past date (?at=), for the caller's scope, a region or a rep; ?groupBy=region|owner for one row each.");
        api.MapGet("/funnel/conversions", Conversions)
            .WithName("GetCustomerFunnelConversions")
            .WithSummary("Stage-to-stage conversion rates E→D, D→C, C→B, B→A and E→A over a period (?from=&to=, default the last 365 days), from the grade history.");
        api.MapGet("/funnel/plan", FunnelPlanning.Plan)
            .WithName("PlanCustomerFunnel")
            .WithSummary("From a sales target and average order size: the A, B, C, D and E customers needed, against what the region or rep has now.");
    }

    private static async Task<Results<Ok<FunnelResponse>, ValidationProblem>> Counts(
        [AsParameters] FunnelQuery query, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(query);
        if (query.GroupBy is not (null or "region" or "owner"))
        {
            validation.Add("groupBy", "Must be region or owner.");
        }

        var now = time.GetUtcNow();
        if (query.At > now)
        {
            validation.Add("at", "Must not be in the future.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var scope = Scope(db, user, query.Region, query.OwnerId);
        var at = query.At?.ToUniversalTime();
        var rows = at is { } date
            ? await CountAt(db, scope, date, query.GroupBy, http.RequestAborted)
            : await CountNow(scope, query.GroupBy, http.RequestAborted);
        return TypedResults.Ok(new FunnelResponse(at ?? now, at is not null, query.Region, query.OwnerId, query.GroupBy, rows, FunnelDefinition));
    }

    private static async Task<Results<Ok<ConversionsResponse>, ValidationProblem>> Conversions(
        [AsParameters] ConversionsQuery query, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(query);
        var (from, to) = Period(validation, query.From, query.To, time.GetUtcNow());
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var scope = Scope(db, user, query.Region, query.OwnerId);
        var rates = await MeasureConversions(db, scope, from, to, http.RequestAborted);
        return TypedResults.Ok(new ConversionsResponse(from, to, query.Region, query.OwnerId, rates, ConversionDefinition));
    }

    /// <summary>The caller's customers, narrowed to a region and an owner when asked.</summary>
    public static FunnelScope Scope(CustomersDbContext db, CurrentUser user, string? region, string? ownerId)
    {
        var customers = db.Customers.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrEmpty(region))
        {
            customers = customers.Where(c => c.Region == region);
        }

        if (!string.IsNullOrEmpty(ownerId))
        {
            customers = customers.Where(c => c.OwnerId == ownerId);
        }

        return new FunnelScope(customers, user.SeesAllRegions && string.IsNullOrEmpty(region) && string.IsNullOrEmpty(ownerId));
    }

    /// <summary>A period from the query, by default the 365 days up to now.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(Validation validation, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var end = (to ?? now).ToUniversalTime();
        var start = (from ?? end.AddDays(-365)).ToUniversalTime();
        if (start >= end)
        {
            validation.Add("from", "Must be before to.");
        }

        return (start, end);
    }

    public static async Task<IReadOnlyList<FunnelRow>> CountNow(FunnelScope scope, string? groupBy, CancellationToken cancellationToken)
    {
        var active = scope.Customers.Where(c => c.Status == CustomerStatus.Active);
        var counts = groupBy switch
        {
            "region" => await active.GroupBy(c => new { Group = c.Region, c.Grade }).Select(g => new GroupCount(g.Key.Group, g.Key.Grade, g.Count())).ToListAsync(cancellationToken),
            "owner" => await active.GroupBy(c => new { Group = c.OwnerId, c.Grade }).Select(g => new GroupCount(g.Key.Group, g.Key.Grade, g.Count())).ToListAsync(cancellationToken),
            _ => await active.GroupBy(c => c.Grade).Select(g => new GroupCount("all", g.Key, g.Count())).ToListAsync(cancellationToken),
        };
        return Rows(counts, groupBy);
    }

    public static async Task<IReadOnlyList<FunnelRow>> CountAt(
        CustomersDbContext db, FunnelScope scope, DateTimeOffset at, string? groupBy, CancellationToken cancellationToken)
    {
        var held = HeldAt(db, at);
        if (groupBy is null && scope.Everything)
        {
            // Nothing to narrow and nothing to group by: the history alone answers, without joining the customers.
            var all = await held.GroupBy(g => g.To).Select(g => new GroupCount("all", g.Key, g.Count())).ToListAsync(cancellationToken);
            return Rows(all, groupBy);
        }

        var current = from g in held
                      join c in scope.Customers on g.CustomerId equals c.Id
                      select new { c.Region, c.OwnerId, g.To };
        var counts = groupBy switch
        {
            "region" => await current.GroupBy(x => new { Group = x.Region, x.To }).Select(g => new GroupCount(g.Key.Group, g.Key.To, g.Count())).ToListAsync(cancellationToken),
            "owner" => await current.GroupBy(x => new { Group = x.OwnerId, x.To }).Select(g => new GroupCount(g.Key.Group, g.Key.To, g.Count())).ToListAsync(cancellationToken),
            _ => await current.GroupBy(x => x.To).Select(g => new GroupCount("all", g.Key, g.Count())).ToListAsync(cancellationToken),
        };
        return Rows(counts, groupBy);
    }

    /// <summary>
    /// The conversion rate of each stage, by <see cref="ConversionDefinition"/>, in one pass over the period's history:
    /// per customer, the first history entry at each grade (held at the start, or moved to during the period) and the
    /// last move during the period to each grade or a more mature one; a stage X→Y converted when that last move to Y
    /// or better comes after the first entry at X (history ids grow with time within a customer).
    /// </summary>
    public static async Task<IReadOnlyList<ConversionRate>> MeasureConversions(
        CustomersDbContext db, FunnelScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var relevant = db.GradeChanges.Where(g =>
            (g.ChangedAt > from && g.ChangedAt <= to) || (g.ChangedAt <= from && (g.ValidUntil == null || g.ValidUntil > from)));
        if (!scope.Everything)
        {
            relevant = from g in relevant
                       join c in scope.Customers on g.CustomerId equals c.Id
                       select g;
        }

        var perCustomer = relevant
            .GroupBy(g => g.CustomerId)
            .Select(g => new
            {
                FirstE = g.Where(x => x.To == CustomerGrade.E).Min(x => (long?)x.Id),
                FirstD = g.Where(x => x.To == CustomerGrade.D).Min(x => (long?)x.Id),
                FirstC = g.Where(x => x.To == CustomerGrade.C).Min(x => (long?)x.Id),
                FirstB = g.Where(x => x.To == CustomerGrade.B).Min(x => (long?)x.Id),
                // Moves within the period only (an entry held at the start is not a move).
                LastToD = g.Where(x => x.ChangedAt > from && (x.To == CustomerGrade.D || x.To == CustomerGrade.C || x.To == CustomerGrade.B || x.To == CustomerGrade.A)).Max(x => (long?)x.Id),
                LastToC = g.Where(x => x.ChangedAt > from && (x.To == CustomerGrade.C || x.To == CustomerGrade.B || x.To == CustomerGrade.A)).Max(x => (long?)x.Id),
                LastToB = g.Where(x => x.ChangedAt > from && (x.To == CustomerGrade.B || x.To == CustomerGrade.A)).Max(x => (long?)x.Id),
                LastToA = g.Where(x => x.ChangedAt > from && x.To == CustomerGrade.A).Max(x => (long?)x.Id),
            });
        var totals = await perCustomer
            .GroupBy(_ => 1)
            .Select(g => new
            {
                E = g.Count(x => x.FirstE != null),
                EtoD = g.Count(x => x.FirstE != null && x.LastToD > x.FirstE),
                D = g.Count(x => x.FirstD != null),
                DtoC = g.Count(x => x.FirstD != null && x.LastToC > x.FirstD),
                C = g.Count(x => x.FirstC != null),
                CtoB = g.Count(x => x.FirstC != null && x.LastToB > x.FirstC),
                B = g.Count(x => x.FirstB != null),
                BtoA = g.Count(x => x.FirstB != null && x.LastToA > x.FirstB),
                EtoA = g.Count(x => x.FirstE != null && x.LastToA > x.FirstE),
            })
            .FirstOrDefaultAsync(cancellationToken);

        ConversionRate Rate(CustomerGrade stageFrom, CustomerGrade stageTo, int cohort, int converted) =>
            new($"{stageFrom}→{stageTo}", stageFrom, stageTo, cohort, converted,
                cohort == 0 ? null : Math.Round((decimal)converted / cohort, 4, MidpointRounding.AwayFromZero));

        return
        [
            Rate(CustomerGrade.E, CustomerGrade.D, totals?.E ?? 0, totals?.EtoD ?? 0),
            Rate(CustomerGrade.D, CustomerGrade.C, totals?.D ?? 0, totals?.DtoC ?? 0),
            Rate(CustomerGrade.C, CustomerGrade.B, totals?.C ?? 0, totals?.CtoB ?? 0),
            Rate(CustomerGrade.B, CustomerGrade.A, totals?.B ?? 0, totals?.BtoA ?? 0),
            Rate(CustomerGrade.E, CustomerGrade.A, totals?.E ?? 0, totals?.EtoA ?? 0),
        ];
    }

    /// <summary>
    /// The grade each customer held at <paramref name="at"/>: the change made at or before it whose period had not ended
    /// (<see cref="GradeChange.ValidUntil"/>: the next change or the deregistration). Customers registered later have no
    /// such change; deregistered ones have none after their deregistration.
    /// </summary>
    private static IQueryable<GradeChange> HeldAt(CustomersDbContext db, DateTimeOffset at) =>
        db.GradeChanges.Where(g => g.ChangedAt <= at && (g.ValidUntil == null || g.ValidUntil > at));

    private static List<FunnelRow> Rows(List<GroupCount> counts, string? groupBy)
    {
        var groups = counts.GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0 && groupBy is null)
        {
            return [new FunnelRow("all", 0, 0, 0, 0, 0, 0)];
        }

        return groups.Select(g =>
        {
            int Of(CustomerGrade grade) => g.Where(c => c.Grade == grade).Sum(c => c.Count);
            return new FunnelRow(g.Key, Of(CustomerGrade.A), Of(CustomerGrade.B), Of(CustomerGrade.C), Of(CustomerGrade.D), Of(CustomerGrade.E), g.Sum(c => c.Count));
        }).ToList();
    }

    private sealed record GroupCount(string Group, CustomerGrade Grade, int Count);
}

internal static class Invariant
{
    public static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
