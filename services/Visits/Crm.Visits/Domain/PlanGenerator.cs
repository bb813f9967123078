using Crm.BuildingBlocks.Geo;

namespace Crm.Visits.Domain;

/// <summary>A customer to plan for: where it is (WGS-84; null without coordinates), when it was last visited, how often.</summary>
public sealed record PlanCustomer(Guid Id, GeoPoint? Position, DateOnly? LastVisit, int IntervalDays);

/// <summary>A visit the plan makes: the customer, the day, and the day it was due (a later day means late).</summary>
public sealed record PlannedStop(Guid CustomerId, DateOnly Day, DateOnly Due);

/// <summary>A visit that fell due in the period but found no working day with capacity left.</summary>
public sealed record UnplannedVisit(Guid CustomerId, DateOnly Due);

public sealed record PlanProposal(IReadOnlyList<PlannedStop> Stops, IReadOnlyList<UnplannedVisit> Unplanned);

/// <summary>
/// Schedules every visit that falls due in a period (拜访计划): each customer's first visit is due at its last visit plus
/// its interval (at the start of the period when overdue or never visited), each further one an interval after the
/// day the previous one was planned. A visit goes on a working day with capacity left, no later than its due date and at
/// most <see cref="Slack"/> working days before it; among those, the day whose stops are nearest (巡回访问: a day covers
/// one area), so the days group geographically; ties go to the day nearest the due date. A visit with no such day goes
/// on the first later day with capacity (late), or is reported unplanned. Pure and deterministic: the same input gives
/// the same plan. A greedy rule written here (no library schedules this shape of problem out of the box); routes within
/// a day are OR-Tools' (RouteOptimizer).
/// </summary>
public static class PlanGenerator
{
    /// <summary>How many working days before its due date a visit may be brought forward to join a nearby area's day.</summary>
    public const int Slack = 4;

    /// <summary>Metres beyond which a customer rather opens a day of its own than joins the nearest day's area.</summary>
    public const double AreaRadiusMeters = 5_000;

    /// <param name="workingDays">The period's working days, in order.</param>
    /// <param name="capacity">Visits each working day can still take.</param>
    public static PlanProposal Generate(IReadOnlyList<PlanCustomer> customers, IReadOnlyList<DateOnly> workingDays, IReadOnlyDictionary<DateOnly, int> capacity)
    {
        var stops = new List<PlannedStop>();
        var unplanned = new List<UnplannedVisit>();
        if (workingDays.Count == 0)
        {
            return new PlanProposal(stops, unplanned);
        }

        var from = workingDays[0];
        var to = workingDays[^1];
        var left = workingDays.ToDictionary(d => d, d => capacity.GetValueOrDefault(d));
        var days = workingDays.ToDictionary(d => d, _ => new Area());
        var byId = customers.ToDictionary(c => c.Id);
        var queue = new PriorityQueue<(Guid Customer, DateOnly Due), (DateOnly Due, Guid Customer)>();
        foreach (var c in customers)
        {
            var due = VisitCadence.NextDue(c.LastVisit, c.IntervalDays, from);
            if (due <= to)
            {
                queue.Enqueue((c.Id, due), (due, c.Id));
            }
        }

        while (queue.TryDequeue(out var visit, out _))
        {
            var customer = byId[visit.Customer];
            // An overdue visit (due before the period) is placed as if due on its first day.
            var target = visit.Due < from ? from : visit.Due;
            var earliest = Earlier(workingDays, target, Slack);
            var day = workingDays.Where(d => d >= earliest && d <= target && left[d] > 0)
                .OrderBy(d => Cost(days[d], customer.Position)).ThenByDescending(d => d).Cast<DateOnly?>().FirstOrDefault()
                ?? workingDays.Where(d => d > target && left[d] > 0).Take(Slack + 1)
                    .OrderBy(d => Cost(days[d], customer.Position)).ThenBy(d => d).Cast<DateOnly?>().FirstOrDefault();
            if (day is not { } planned)
            {
                unplanned.Add(new UnplannedVisit(customer.Id, visit.Due));
                continue;
            }

            left[planned]--;
            days[planned].Add(customer.Position);
            stops.Add(new PlannedStop(customer.Id, planned, visit.Due));
            var next = planned.AddDays(customer.IntervalDays);
            if (next <= to)
            {
                queue.Enqueue((customer.Id, next), (next, customer.Id));
            }
        }

        return new PlanProposal(stops.OrderBy(s => s.Day).ThenBy(s => s.CustomerId).ToList(), unplanned);
    }

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="due"/> (or the first of the period).</summary>
    private static DateOnly Earlier(IReadOnlyList<DateOnly> workingDays, DateOnly due, int count)
    {
        var before = workingDays.Where(d => d <= due).ToList();
        return before.Count == 0 ? workingDays[0] : before[Math.Max(0, before.Count - 1 - count)];
    }

    /// <summary>Metres from the day's area to the customer; an empty day costs the area radius, so a far customer opens one.</summary>
    private static double Cost(Area area, GeoPoint? position) =>
        position is not { } p ? 0 : area.Centre is { } centre ? GreatCircle.Meters(centre, p) : AreaRadiusMeters;

    /// <summary>The stops of one day with coordinates, summed up as their centre.</summary>
    private sealed class Area
    {
        private double latitude;
        private double longitude;
        private int count;

        public GeoPoint? Centre => count == 0 ? null : new GeoPoint(latitude / count, longitude / count);

        public void Add(GeoPoint? position)
        {
            if (position is { } p)
            {
                latitude += p.Latitude;
                longitude += p.Longitude;
                count++;
            }
        }
    }
}
