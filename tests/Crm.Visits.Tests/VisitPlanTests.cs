using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Domain;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

/// <summary>Plans for the two weeks from Monday 2 March 2026, the test clock's first day.</summary>
public sealed class VisitPlanTests : VisitsTestContext
{
    private static readonly object TwoWeeks = new { from = "2026-03-02", to = "2026-03-13" };

    private async Task<PlanResponse> Generate(TestUser user, object body) =>
        await As(user).PostAsJsonAsync("/api/visits/plans", body, TestJson.Options).Read<PlanResponse>(HttpStatusCode.Created);

    private static List<VisitSummary> Visits(PlanResponse plan) => plan.Days.SelectMany(d => d.Visits).ToList();

    private static BusinessCalendarChanged EastCalendar(long version = 1) => new()
    {
        OccurredAt = MondayNine, Version = version, Code = "EASTCAL", Name = "East", TimeZoneId = "Asia/Shanghai", IsDefault = false, Regions = ["EAST"],
        WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        WorkingPeriods = [new WorkingHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(new TimeOnly(13, 0), new TimeOnly(18, 0))],
        Holidays = [new DateOnly(2026, 3, 4)], MakeUpWorkingDays = [new DateOnly(2026, 3, 7)],
    };

    [Fact]
    public async Task a_generated_plan_schedules_every_due_customer_on_working_days_of_the_regions_calendar_within_the_daily_capacity()
    {
        await Host.Deliver(EastCalendar(), Guid.NewGuid());
        var customers = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            customers.Add((await Customer(grade: CustomerGrade.C, at: (Latitude + i * 0.002, Longitude, CoordinateDatum.Wgs84))).CustomerId);
        }

        // Eight working hours a day at two hours a visit: four visits a day.
        var plan = await Generate(TestUser.RepEast, new { from = "2026-03-02", to = "2026-03-13", minutesPerVisit = 120 });

        var visits = Visits(plan);
        Assert.Equal(customers.Order(), visits.Select(v => v.CustomerId).Order());
        Assert.All(plan.Days, d => Assert.InRange(d.Visits.Count, 1, 4));
        Assert.DoesNotContain(visits, v => v.ScheduledFor == new DateOnly(2026, 3, 4));
        Assert.All(visits, v => Assert.True(v.ScheduledFor.DayOfWeek != DayOfWeek.Sunday && (v.ScheduledFor.DayOfWeek != DayOfWeek.Saturday || v.ScheduledFor == new DateOnly(2026, 3, 7))));
        Assert.All(visits, v => Assert.False(v.AdHoc));
        Assert.Equal((PlanStatus.Draft, "rep.east", "EAST", 1L), (plan.Status, plan.OwnerId, plan.Region, plan.Version));
        Assert.Empty(plan.Unplanned!);
        await Host.Published<VisitPlanned>(e => e.VisitId == visits[^1].Id);
        Assert.All(visits, v => Assert.Contains(Host.PublishedSoFar<VisitPlanned>(), e => e.VisitId == v.Id && e.Day == v.ScheduledFor && !e.AdHoc));
    }

    [Fact]
    public async Task the_newest_announcement_of_a_calendar_holds_even_when_an_older_one_arrives_later()
    {
        await Host.Deliver(EastCalendar(2) with { Holidays = [new DateOnly(2026, 3, 2)] }, Guid.NewGuid());
        await Host.Deliver(EastCalendar(1), Guid.NewGuid());
        await Customer(grade: CustomerGrade.C);

        var plan = await Generate(TestUser.RepEast, TwoWeeks);

        Assert.Equal(new DateOnly(2026, 3, 3), Assert.Single(Visits(plan)).ScheduledFor);
    }

    [Fact]
    public async Task visits_that_find_no_room_are_reported_unplanned()
    {
        for (var i = 0; i < 12; i++)
        {
            await Customer(grade: CustomerGrade.C);
        }

        var plan = await Generate(TestUser.RepEast, new { from = "2026-03-02", to = "2026-03-08", visitsPerDay = 2 });

        Assert.Equal(10, Visits(plan).Count);
        Assert.Equal(2, plan.Unplanned!.Count);
        Assert.Contains("10 visits on 5 working days; 2 left unplanned", plan.Steps[0].Detail);
    }

    [Fact]
    public async Task a_plan_is_edited_with_reasons_submitted_and_approved_and_each_step_raises_its_version()
    {
        var customer = await Customer(grade: CustomerGrade.C);
        var another = await Customer(grade: CustomerGrade.E);
        var plan = await Generate(TestUser.RepEast, TwoWeeks);
        var visit = Visits(plan).Single(v => v.CustomerId == customer.CustomerId);
        var url = $"/api/visits/plans/{plan.Id}";

        await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-20", reason = "Trade fair" }).ReadValidationProblem("day");
        await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-05" }).ReadValidationProblem("reason");
        var moved = await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-05", reason = "Customer away Monday" }).Read<PlanResponse>();
        var dropped = await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/drop", new { reason = "Met at the trade fair instead" }).Read<PlanResponse>();
        var added = await Post(TestUser.ManagerEast, $"{url}/visits", new { customerId = another.CustomerId, day = "2026-03-10", reason = "Follow the tender" })
            .Read<PlanResponse>();
        await Post(TestUser.RepEast, $"{url}/submit", new { }).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-06", reason = "Again" }).Expect(HttpStatusCode.Conflict);
        await Post(TestUser.RepEast, $"{url}/review", new { approve = true }).Expect(HttpStatusCode.Forbidden);
        var approved = await Post(TestUser.ManagerEast, $"{url}/review", new { approve = true }).Read<PlanResponse>();

        Assert.Equal((2L, 3L, 4L, 6L), (moved.Version, dropped.Version, added.Version, approved.Version));
        Assert.Equal(new DateOnly(2026, 3, 5), Visits(moved).Single(v => v.Id == visit.Id).ScheduledFor);
        Assert.Equal(VisitStatus.Cancelled, Visits(dropped).Single(v => v.Id == visit.Id).Status);
        Assert.Contains(Visits(added), v => v.CustomerId == another.CustomerId && v.ScheduledFor == new DateOnly(2026, 3, 10));
        Assert.Equal(
            [PlanAction.Generated, PlanAction.Moved, PlanAction.Dropped, PlanAction.Added, PlanAction.Submitted, PlanAction.Approved],
            approved.Steps.Select(s => s.Action));
        Assert.Equal(["rep.east", "rep.east", "rep.east", "manager.east", "rep.east", "manager.east"], approved.Steps.Select(s => s.By));
        Assert.Contains("Customer away Monday", approved.Steps[1].Detail);
        Assert.Equal(PlanStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task a_visit_is_added_or_moved_only_to_a_working_day_of_the_regions_calendar()
    {
        await Host.Deliver(EastCalendar(), Guid.NewGuid());
        var customer = await Customer(grade: CustomerGrade.C);
        var another = await Customer(grade: CustomerGrade.E);
        var plan = await Generate(TestUser.RepEast, TwoWeeks);
        var visit = Visits(plan).Single(v => v.CustomerId == customer.CustomerId);
        var url = $"/api/visits/plans/{plan.Id}";

        // 4 March is the calendar's holiday, 8 March a Sunday; 7 March a Saturday made a working day.
        var holiday = await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-04", reason = "Customer asked" }).ReadValidationProblem("day");
        var sunday = await Post(TestUser.RepEast, $"{url}/visits", new { customerId = another.CustomerId, day = "2026-03-08" }).ReadValidationProblem("day");
        var moved = await Post(TestUser.RepEast, $"{url}/visits/{visit.Id}/move", new { day = "2026-03-07", reason = "Customer asked" }).Read<PlanResponse>();

        Assert.Contains("2026-03-04 is not a working day in the calendar of EAST.", holiday["day"]);
        Assert.Contains("2026-03-08 is not a working day in the calendar of EAST.", sunday["day"]);
        Assert.Equal(new DateOnly(2026, 3, 7), Visits(moved).Single(v => v.Id == visit.Id).ScheduledFor);
        Assert.Equal(2L, moved.Version);
    }

    [Fact]
    public async Task a_second_plan_over_the_same_days_is_a_409_and_a_stale_version_too()
    {
        await Customer(grade: CustomerGrade.C);
        var plan = await Generate(TestUser.RepEast, TwoWeeks);

        await As(TestUser.RepEast).PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-09", to = "2026-03-20" }, TestJson.Options).Expect(HttpStatusCode.Conflict);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/visits/plans/{plan.Id}/submit") { Content = JsonContent.Create(new { }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(Versioning.ETag(0)));
        await As(TestUser.RepEast).SendAsync(stale).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_manager_plans_for_a_rep_of_the_region_and_no_one_else_plans_for_them()
    {
        await Customer(grade: CustomerGrade.C);
        await Customer(region: "NORTH", owner: "rep.north", grade: CustomerGrade.C);

        var forRep = await Generate(TestUser.ManagerEast, new { from = "2026-03-02", to = "2026-03-13", ownerId = "rep.east" });

        Assert.Equal(("rep.east", "manager.east"), (forRep.OwnerId, forRep.Steps[0].By));
        await As(TestUser.RepEast2).PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-03-13", ownerId = "rep.east" }, TestJson.Options)
            .ReadValidationProblem("ownerId");
        await As(TestUser.ManagerEast).PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-03-13", ownerId = "rep.north" }, TestJson.Options)
            .ReadValidationProblem("ownerId");
        var plans = await As(TestUser.RepEast2).GetFromJsonAsync<PagedResult<PlanSummary>>("/api/visits/plans", TestJson.Options);
        Assert.Empty(plans!.Items);
        await As(TestUser.RepEast2).GetAsync($"/api/visits/plans/{forRep.Id}").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_plan_covers_a_week_to_a_month_from_today()
    {
        await Customer(grade: CustomerGrade.C);
        var client = As(TestUser.RepEast);

        await client.PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-03-05" }, TestJson.Options).ReadValidationProblem("to");
        await client.PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-04-02" }, TestJson.Options).ReadValidationProblem("to");
        await client.PostAsJsonAsync("/api/visits/plans", new { from = "2026-02-27", to = "2026-03-06" }, TestJson.Options).ReadValidationProblem("from");
        await client.PostAsJsonAsync("/api/visits/plans", new { from = "2026-03-02", to = "2026-03-13", visitsPerDay = 0 }, TestJson.Options).ReadValidationProblem("visitsPerDay");
    }

    [Fact]
    public async Task a_new_owner_takes_over_the_visits_not_yet_made_and_an_older_owner_change_arriving_late_moves_nothing()
    {
        var registered = await Customer(grade: CustomerGrade.C);
        var plan = await Generate(TestUser.RepEast, TwoWeeks);
        var visit = Assert.Single(Visits(plan));
        var toEast2 = TestCustomerEvents.Updated(registered, 3, ownerId: "rep.east2") with { ChangedFields = ["ownerId"], PreviousOwnerId = "rep.east" };
        var olderToEast = TestCustomerEvents.Updated(registered, 2, ownerId: "rep.east") with { ChangedFields = ["ownerId"], PreviousOwnerId = "rep.x" };

        await Host.Deliver(toEast2, Guid.NewGuid());
        await Host.Deliver(olderToEast, Guid.NewGuid());

        var moved = await As(TestUser.ManagerEast).GetFromJsonAsync<VisitResponse>($"/api/visits/{visit.Id}", TestJson.Options);
        Assert.Equal(("rep.east2", true, VisitStatus.Scheduled), (moved!.OwnerId, moved.AdHoc, moved.Status));
    }

    [Fact]
    public async Task a_deregistered_customers_visits_not_yet_made_are_cancelled_with_the_reason()
    {
        var registered = await Customer(grade: CustomerGrade.C);
        var visit = await Schedule(registered.CustomerId);
        var deregistered = new CustomerDeregistered
        {
            OccurredAt = MondayNine, Version = 2, CustomerId = registered.CustomerId, Code = registered.Code, Name = registered.Name, Kind = registered.Kind,
            Region = registered.Region, OwnerId = registered.OwnerId, Tier = registered.Tier, Grade = registered.Grade, Status = CustomerStatus.Deregistered,
            Reason = "Closed down", DeregisteredBy = "supervisor",
        };

        await Host.Deliver(deregistered, Guid.NewGuid());

        var cancelled = await As(TestUser.RepEast).GetFromJsonAsync<VisitResponse>($"/api/visits/{visit.Id}", TestJson.Options);
        Assert.Equal(VisitStatus.Cancelled, cancelled!.Status);
        Assert.Contains("Closed down", cancelled.CancellationReason);
    }
}
