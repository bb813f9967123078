using Crm.BuildingBlocks.Geo;
using Crm.Visits.Domain;

namespace Crm.Visits.Tests;

public sealed class PlanGeneratorTests
{
    // Monday 2 March 2026 to Friday 27 March: four weeks of twenty working days.
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly IReadOnlyList<DateOnly> FourWeeks =
        Enumerable.Range(0, 26).Select(Monday.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();

    private static readonly GeoPoint Hangzhou = new(30.2741, 120.1551);
    private static readonly GeoPoint Shaoxing = new(29.9958, 120.5861); // about 52 km from Hangzhou

    private static Dictionary<DateOnly, int> Capacity(IEnumerable<DateOnly> days, int each) => days.ToDictionary(d => d, _ => each);

    private static PlanCustomer Customer(int n, GeoPoint? at, DateOnly? last, int interval) =>
        new(new Guid(n, 0, 0, new byte[8]), at, last, interval);

    private static GeoPoint Near(GeoPoint centre, int i) => new(centre.Latitude + (i % 3) * 0.004, centre.Longitude + (i / 3) * 0.004);

    [Fact]
    public void every_visit_due_in_the_period_is_planned_no_day_over_capacity_and_only_on_working_days()
    {
        var customers = Enumerable.Range(1, 40).Select(i => Customer(i, Near(Hangzhou, i), null, 30)).ToList();

        var plan = PlanGenerator.Generate(customers, FourWeeks, Capacity(FourWeeks, 6));

        Assert.Empty(plan.Unplanned);
        Assert.Equal(customers.Select(c => c.Id).Order(), plan.Stops.Select(s => s.CustomerId).Order());
        Assert.All(plan.Stops.GroupBy(s => s.Day), day => Assert.InRange(day.Count(), 1, 6));
        Assert.All(plan.Stops, s => Assert.Contains(s.Day, FourWeeks));
    }

    [Fact]
    public void a_weekly_customer_is_visited_every_week_and_a_quarterly_one_not_yet_due_is_left_for_later()
    {
        var weekly = Customer(1, Hangzhou, Monday.AddDays(-7), 7);
        var quarterly = Customer(2, Hangzhou, Monday.AddDays(-10), 90);

        var plan = PlanGenerator.Generate([weekly, quarterly], FourWeeks, Capacity(FourWeeks, 6));

        var days = plan.Stops.Where(s => s.CustomerId == weekly.Id).Select(s => s.Day).ToList();
        Assert.Equal(4, days.Count);
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.InRange(pair.Second.DayNumber - pair.First.DayNumber, 1, 7));
        Assert.All(plan.Stops, s => Assert.True(s.Day <= s.Due, $"{s.Day} after its due date {s.Due}"));
        Assert.DoesNotContain(plan.Stops, s => s.CustomerId == quarterly.Id);
    }

    [Fact]
    public void visits_of_one_area_share_days_and_the_other_area_gets_days_of_its_own()
    {
        // Twelve customers due by the end of the first week, six around Hangzhou and six around Shaoxing.
        var customers = Enumerable.Range(0, 12)
            .Select(i => Customer(i + 1, Near(i < 6 ? Hangzhou : Shaoxing, i % 6), Monday.AddDays(-25), 30)).ToList();
        var areaOf = customers.ToDictionary(c => c.Id, c => GreatCircle.Meters(c.Position!.Value, Hangzhou) < 10_000 ? "Hangzhou" : "Shaoxing");

        var plan = PlanGenerator.Generate(customers, FourWeeks, Capacity(FourWeeks, 6));

        Assert.Equal(12, plan.Stops.Count);
        Assert.All(plan.Stops.GroupBy(s => s.Day), day => Assert.Single(day.Select(s => areaOf[s.CustomerId]).Distinct()));
    }

    [Fact]
    public void overdue_customers_come_first_and_what_finds_no_room_is_reported_unplanned()
    {
        var week = FourWeeks.Take(5).ToList();
        var overdue = Enumerable.Range(1, 20).Select(i => Customer(i, Near(Hangzhou, i), Monday.AddDays(-60), 30)).ToList();

        var plan = PlanGenerator.Generate(overdue, week, Capacity(week, 2));

        Assert.Equal(10, plan.Stops.Count);
        Assert.Equal(10, plan.Unplanned.Count);
        Assert.All(week, d => Assert.Equal(2, plan.Stops.Count(s => s.Day == d)));
        Assert.All(plan.Unplanned, u => Assert.Equal(Monday.AddDays(-30), u.Due));
    }

    [Fact]
    public void a_day_already_full_takes_no_planned_visit()
    {
        var customers = Enumerable.Range(1, 6).Select(i => Customer(i, Near(Hangzhou, i), null, 30)).ToList();
        var capacity = Capacity(FourWeeks, 3);
        capacity[Monday] = 0;

        var plan = PlanGenerator.Generate(customers, FourWeeks, capacity);

        Assert.DoesNotContain(plan.Stops, s => s.Day == Monday);
        Assert.Equal(6, plan.Stops.Count);
    }

    [Fact]
    public void the_same_input_gives_the_same_plan()
    {
        var customers = Enumerable.Range(1, 60)
            .Select(i => Customer(i, i % 7 == 0 ? null : Near(i % 2 == 0 ? Hangzhou : Shaoxing, i), i % 3 == 0 ? null : Monday.AddDays(-(i % 40)), 7 + i % 4 * 7))
            .ToList();

        var first = PlanGenerator.Generate(customers, FourWeeks, Capacity(FourWeeks, 6));
        var second = PlanGenerator.Generate(customers.AsEnumerable().Reverse().ToList(), FourWeeks, Capacity(FourWeeks, 6));

        Assert.Equal(first.Stops, second.Stops);
        Assert.Equal(first.Unplanned, second.Unplanned);
    }
}
