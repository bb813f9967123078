using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Geo;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

/// <summary>
/// Customers one, two and three hundredths of a degree east of the office, on its parallel: about 0.96, 1.92 and 2.88 km
/// away. At 30 km/h a rep covers 500 m a minute.
/// </summary>
public sealed class DayRouteTests : VisitsTestContext
{
    private static readonly object Office = new { latitude = Latitude, longitude = Longitude };

    // Along a parallel, over such short distances, the great circle is the parallel: R·cos(φ)·Δλ, to well under a metre.
    private static double MetersEast(double degrees) => 6_371_008.8 * Math.Cos(Latitude * Math.PI / 180) * degrees * Math.PI / 180;

    private async Task<(VisitResponse Near, VisitResponse Middle, VisitResponse Far)> ThreeVisits()
    {
        var visits = new List<VisitResponse>();
        foreach (var east in new[] { 0.03, 0.01, 0.02 })
        {
            var customer = await Customer(at: (Latitude, Longitude + east, CoordinateDatum.Wgs84));
            visits.Add(await Schedule(customer.CustomerId));
        }

        return (visits[1], visits[2], visits[0]);
    }

    [Fact]
    public async Task an_open_ended_day_visits_the_nearest_first_with_each_legs_distance_and_arrival()
    {
        var (near, middle, far) = await ThreeVisits();

        var route = await Post(TestUser.RepEast, "/api/visits/routes", new { day = Monday, start = Office, end = "OpenEnded" }).Read<DayRouteResponse>();

        Assert.Equal([near.Id, middle.Id, far.Id], route.Stops.Select(s => s.VisitId));
        Assert.All(route.Stops, s => Assert.Equal(MetersEast(0.01), s.Meters, 1.0));
        Assert.Equal(route.Stops.Sum(s => s.Meters), route.TotalMeters);
        Assert.Null(route.ReturnMeters);
        var departure = new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.FromHours(8));
        var firstArrival = departure.AddMinutes(route.Stops[0].Meters / 500.0);
        Assert.Equal(firstArrival, route.Stops[0].Arrival, TimeSpan.FromSeconds(1));
        Assert.Equal(firstArrival.AddMinutes(30), route.Stops[0].Departure, TimeSpan.FromSeconds(1));
        Assert.Equal(route.Stops[0].Departure.AddMinutes(route.Stops[1].Meters / 500.0), route.Stops[1].Arrival, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task each_stop_says_where_its_customer_is_in_wgs84_whatever_datum_the_customer_was_recorded_in()
    {
        var office = new GeoPoint(Latitude, Longitude + 0.01);
        var onAmap = Datums.FromWgs84(office, CoordinateDatum.Gcj02);
        var customer = await Customer(at: (onAmap.Latitude, onAmap.Longitude, CoordinateDatum.Gcj02));
        await Schedule(customer.CustomerId);

        var stop = Assert.Single((await Post(TestUser.RepEast, "/api/visits/routes", new { day = Monday, start = Office })
            .Read<DayRouteResponse>()).Stops);

        Assert.InRange(GreatCircle.Meters(new GeoPoint(stop.Latitude, stop.Longitude), office), 0, 0.01);
        Assert.InRange(GreatCircle.Meters(onAmap, office), 100, 700);
    }

    [Fact]
    public async Task a_fixed_appointment_at_the_far_customer_puts_it_first_and_the_rep_waits_for_it()
    {
        var (near, middle, far) = await ThreeVisits();

        var route = await Post(TestUser.RepEast, "/api/visits/routes", new
        {
            day = Monday, start = Office, end = "OpenEnded", appointments = new[] { new { visitId = far.Id, at = "08:40" } },
        }).Read<DayRouteResponse>();

        Assert.Equal([far.Id, middle.Id, near.Id], route.Stops.Select(s => s.VisitId));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.FromHours(8)), route.Stops[0].Arrival);
    }

    [Fact]
    public async Task the_hours_customers_receive_visitors_decide_the_order_when_they_must()
    {
        var (near, middle, far) = await ThreeVisits();

        // The nearest customer receives only from ten; the other two only until half past nine.
        var route = await Post(TestUser.RepEast, "/api/visits/routes", new
        {
            day = Monday, start = Office, end = "OpenEnded", minutesPerVisit = 10,
            appointments = new[]
            {
                new { visitId = near.Id, at = "10:00", until = "11:30" },
                new { visitId = middle.Id, at = "08:30", until = "09:30" },
                new { visitId = far.Id, at = "08:30", until = "09:30" },
            },
        }).Read<DayRouteResponse>();

        Assert.Equal(near.Id, route.Stops[^1].VisitId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)), route.Stops[^1].Arrival);
        Assert.All(route.Stops.Take(2), s => Assert.True(s.Arrival <= new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8))));
        Assert.Equal(new[] { middle.Id, far.Id }.Order(), route.Stops.Take(2).Select(s => s.VisitId).Order());
    }

    [Fact]
    public async Task an_appointment_that_cannot_be_kept_and_a_customer_without_coordinates_are_listed_not_dropped()
    {
        var (near, middle, far) = await ThreeVisits();
        var nowhere = await Schedule((await Customer()).CustomerId);

        var route = await Post(TestUser.RepEast, "/api/visits/routes", new
        {
            day = Monday, start = Office, appointments = new[] { new { visitId = far.Id, at = "08:31" } },
        }).Read<DayRouteResponse>();

        Assert.Equal(new[] { near.Id, middle.Id }.Order(), route.Stops.Select(s => s.VisitId).Order());
        Assert.Equal([far.Id], route.Unreachable.Select(v => v.VisitId));
        Assert.Equal([nowhere.Id], route.WithoutPosition.Select(v => v.VisitId));
        Assert.Equal(MetersEast(0.01) * 4, route.TotalMeters, 4.0);
        Assert.Equal(route.Stops.Sum(s => s.Meters) + route.ReturnMeters, route.TotalMeters);
    }

    [Fact]
    public async Task the_same_day_gives_the_same_route_and_a_manager_plans_a_reps_day()
    {
        await ThreeVisits();
        var body = new { day = Monday, start = Office, ownerId = "rep.east" };

        var first = await Post(TestUser.RepEast, "/api/visits/routes", body).Read<DayRouteResponse>();
        var managers = await Post(TestUser.ManagerEast, "/api/visits/routes", body).Read<DayRouteResponse>();
        var others = await Post(TestUser.RepEast2, "/api/visits/routes", body).Read<DayRouteResponse>();

        Assert.Equal(first.Stops.Select(s => s.VisitId), managers.Stops.Select(s => s.VisitId));
        Assert.Equal(3, first.Stops.Count);
        Assert.Empty(others.Stops);
    }

    [Fact]
    public async Task a_route_needs_a_day_and_a_start_and_appointments_of_the_days_visits()
    {
        await Post(TestUser.RepEast, "/api/visits/routes", new { start = new { latitude = double.NaN.ToString() } })
            .Expect(HttpStatusCode.BadRequest);
        await Post(TestUser.RepEast, "/api/visits/routes", new { end = "OpenEnded" }).ReadValidationProblem("day", "start");
        await Post(TestUser.RepEast, "/api/visits/routes", new { day = Monday, start = new { latitude = Latitude } }).ReadValidationProblem("start.longitude");
        await Post(TestUser.RepEast, "/api/visits/routes", new { day = Monday, start = Office, appointments = new[] { new { visitId = Guid.NewGuid(), at = "09:00" } } })
            .ReadValidationProblem("appointments");
        await Post(TestUser.RepEast, "/api/visits/routes", new { day = Monday, start = Office, appointments = new[] { new { visitId = Guid.NewGuid(), at = "11:00", until = "09:00" } } })
            .ReadValidationProblem("appointments[0].until");
    }
}
