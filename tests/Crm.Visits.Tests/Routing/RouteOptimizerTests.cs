using Crm.BuildingBlocks.Geo;
using Crm.Visits.Domain;
using Crm.Visits.Domain.Routing;

namespace Crm.Visits.Tests.Routing;

public sealed class RouteOptimizerTests
{
    private static readonly DateTimeOffset Eight = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint Office = new(30.2741, 120.1551); // Hangzhou

    public static TheoryData<int, RouteEnd> Instances()
    {
        var data = new TheoryData<int, RouteEnd>();
        foreach (var end in new[] { RouteEnd.ReturnToStart, RouteEnd.OpenEnded })
        {
            for (var stops = 2; stops <= 10; stops++)
            {
                data.Add(stops, end);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public async Task The_route_is_the_shortest_of_all_orders(int stops, RouteEnd end)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var request = new RouteRequest(Office, end, Eight, RandomStops(new Random(1_000 * stops + seed), stops));

            var plan = await new RouteOptimizer(new PlaneDistances()).OptimizeAsync(request, CancellationToken.None);

            var shortest = Shortest(request);
            Assert.Equal(stops, plan.Legs.Count);
            Assert.Equal(request.Stops.Select(s => s.Id).Order(), plan.Legs.Select(l => l.StopId).Order());
            Assert.Equal(shortest, plan.TotalMeters);
            Assert.Equal(shortest, Length(request, plan.Legs.Select(l => l.StopId)));
            Assert.Empty(plan.Unreachable);
            Assert.Empty(plan.WithoutPosition);
        }
    }

    [Fact]
    public async Task Arrivals_add_up_the_travel_and_service_times()
    {
        // Three stops due east of the office, 1.2, 3 and 6 km out; at 36 km/h = 10 m/s each kilometre takes 100 s.
        var a = Stop("A", 1_200, TimeSpan.FromMinutes(30));
        var b = Stop("B", 3_000, TimeSpan.FromMinutes(45));
        var c = Stop("C", 6_000, TimeSpan.FromMinutes(20));
        var request = new RouteRequest(Origin, RouteEnd.OpenEnded, Eight, [c, a, b], SpeedKmh: 36);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        var arriveA = Eight + TimeSpan.FromSeconds(120);
        var arriveB = arriveA + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(180);
        var arriveC = arriveB + TimeSpan.FromMinutes(45) + TimeSpan.FromSeconds(300);
        Assert.Equal(
            [
                new RouteLeg(1, "A", 1_200, arriveA, arriveA + TimeSpan.FromMinutes(30)),
                new RouteLeg(2, "B", 1_800, arriveB, arriveB + TimeSpan.FromMinutes(45)),
                new RouteLeg(3, "C", 3_000, arriveC, arriveC + TimeSpan.FromMinutes(20)),
            ],
            plan.Legs);
        Assert.Equal(6_000, plan.TotalMeters);
    }

    [Fact]
    public async Task The_rep_is_back_after_the_last_visit_and_the_way_back()
    {
        // 5 km at 30 km/h is 10 minutes each way.
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight, [Stop("Customer", 5_000, TimeSpan.FromMinutes(45))]);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(Eight.AddMinutes(10), plan.Legs.Single().Arrival);
        Assert.Equal(5_000, plan.ReturnMeters);
        Assert.Equal(10_000, plan.TotalMeters);
        Assert.Equal(Eight.AddMinutes(10 + 45 + 10), plan.BackAt);
    }

    [Fact]
    public async Task An_open_ended_route_has_no_way_back()
    {
        var request = new RouteRequest(Origin, RouteEnd.OpenEnded, Eight, [Stop("Far", 6_000), Stop("Near", 1_000), Stop("Middle", 3_000)]);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(["Near", "Middle", "Far"], plan.Legs.Select(l => l.StopId));
        Assert.Equal(6_000, plan.TotalMeters);
        Assert.Null(plan.ReturnMeters);
        Assert.Null(plan.BackAt);
    }

    [Fact]
    public async Task A_stop_whose_window_opens_late_is_visited_after_the_others()
    {
        // On the way out Near is first, but it opens only at 11:00; Far must be seen by 9:00.
        var near = Stop("Near", 1_000, TimeSpan.FromMinutes(30), Window(11, 0, 12, 0));
        var middle = Stop("Middle", 3_000, TimeSpan.FromMinutes(30));
        var far = Stop("Far", 6_000, TimeSpan.FromMinutes(30), Window(8, 0, 9, 0));
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight, [near, middle, far], SpeedKmh: 36);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal("Near", plan.Legs[^1].StopId);
        // Arrived long before 11:00: the visit starts when it opens.
        Assert.Equal(Eight.AddHours(3), plan.Legs[^1].Arrival);
        Assert.True(plan.Legs.Single(l => l.StopId == "Far").Arrival <= Eight.AddHours(1));
        Assert.Equal(12_000, plan.TotalMeters);
        Assert.Empty(plan.Unreachable);
    }

    [Fact]
    public async Task A_fixed_appointment_is_kept_to_the_minute()
    {
        var appointment = Stop("Appointment", 3_000, TimeSpan.FromMinutes(40), Window(10, 30, 10, 30));
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight, [Stop("Near", 1_000), appointment, Stop("Far", 6_000)], SpeedKmh: 36);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(Eight.AddHours(2.5), plan.Legs.Single(l => l.StopId == "Appointment").Arrival);
        Assert.Equal(3, plan.Legs.Count);
    }

    [Fact]
    public async Task Stops_whose_window_cannot_be_met_are_listed_as_unreachable()
    {
        // 10 km at 30 km/h is 20 minutes: a window closing at 8:05 cannot be met; one that closed at 7:00 neither.
        var tooFar = Stop("TooFar", 10_000, TimeSpan.FromMinutes(30), Window(8, 0, 8, 5));
        var closed = Stop("Closed", 1_000, TimeSpan.FromMinutes(30), Window(6, 0, 7, 0));
        // Both open 9:00–9:10 for an hour's visit: only one of them can be seen.
        var first = Stop("Either1", 2_000, TimeSpan.FromHours(1), Window(9, 0, 9, 10));
        var second = Stop("Either2", 2_500, TimeSpan.FromHours(1), Window(9, 0, 9, 10));
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight, [tooFar, closed, Stop("Fine", 4_000), first, second]);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(2, plan.Legs.Count);
        Assert.Contains("Fine", plan.Legs.Select(l => l.StopId));
        Assert.Equal(3, plan.Unreachable.Count);
        Assert.Contains("TooFar", plan.Unreachable);
        Assert.Contains("Closed", plan.Unreachable);
        Assert.Single(new[] { "Either1", "Either2" }.Intersect(plan.Unreachable));
        foreach (var leg in plan.Legs)
        {
            var window = request.Stops.Single(s => s.Id == leg.StopId).Window;
            Assert.True(window is null || (leg.Arrival >= window.From && leg.Arrival <= window.To), leg.StopId);
        }
    }

    [Fact]
    public async Task A_single_stop_out_of_reach_is_listed_as_unreachable()
    {
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight, [Stop("TooFar", 10_000, TimeSpan.Zero, Window(8, 0, 8, 5))]);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Empty(plan.Legs);
        Assert.Equal(["TooFar"], plan.Unreachable);
        Assert.Equal(0, plan.TotalMeters);
        Assert.Equal(Eight, plan.BackAt);
    }

    [Fact]
    public async Task Stops_without_a_position_are_listed_not_dropped()
    {
        var request = new RouteRequest(Origin, RouteEnd.ReturnToStart, Eight,
            [new RouteStop("NoCoordinates", null, TimeSpan.FromMinutes(30)), Stop("Near", 1_000), new RouteStop("AlsoNone", null, TimeSpan.Zero)]);

        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(["NoCoordinates", "AlsoNone"], plan.WithoutPosition);
        Assert.Equal(["Near"], plan.Legs.Select(l => l.StopId));
        Assert.Equal(2_000, plan.TotalMeters);
    }

    [Fact]
    public async Task The_same_day_always_gives_the_same_route()
    {
        var stops = RandomStops(new Random(42), 60);
        var request = new RouteRequest(Office, RouteEnd.ReturnToStart, Eight, stops);

        var first = await new RouteOptimizer(new GreatCircleDistances()).OptimizeAsync(request, CancellationToken.None);
        var second = await new RouteOptimizer(new GreatCircleDistances()).OptimizeAsync(request, CancellationToken.None);

        Assert.Equal(60, first.Legs.Count);
        Assert.Equal(first.Legs.Select(l => l.StopId), second.Legs.Select(l => l.StopId));
        Assert.Equal(first.TotalMeters, second.TotalMeters);
    }

    [Fact]
    public async Task Great_circle_distances_measure_the_way_there_and_back()
    {
        // Office → Shanghai and back, about 2 × 164 km.
        var request = new RouteRequest(Office, RouteEnd.ReturnToStart, Eight, [new RouteStop("Shanghai", new GeoPoint(31.2304, 121.4737), TimeSpan.Zero)]);

        var plan = await new RouteOptimizer(new GreatCircleDistances()).OptimizeAsync(request, CancellationToken.None);

        Assert.InRange(plan.Legs.Single().Meters, 163_000, 166_000);
        Assert.Equal(plan.Legs.Single().Meters, plan.ReturnMeters);
    }

    [Fact]
    public async Task No_stops_is_an_empty_route()
    {
        var plan = await new RouteOptimizer(new EastOfOrigin()).OptimizeAsync(new RouteRequest(Origin, RouteEnd.OpenEnded, Eight, []), CancellationToken.None);

        Assert.Empty(plan.Legs);
        Assert.Equal(0, plan.TotalMeters);
        Assert.Null(plan.BackAt);
    }

    private static readonly GeoPoint Origin = new(0, 0);

    /// <summary>A stop <paramref name="meters"/> due east of <see cref="Origin"/>, as <see cref="EastOfOrigin"/> measures.</summary>
    private static RouteStop Stop(string id, int meters, TimeSpan? service = null, TimeWindow? window = null) =>
        new(id, new GeoPoint(0, meters), service ?? TimeSpan.Zero, window);

    private static TimeWindow Window(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(At(fromHour, fromMinute), At(toHour, toMinute));

    private static DateTimeOffset At(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, Eight.Offset);

    private static List<RouteStop> RandomStops(Random random, int count) =>
        Enumerable.Range(1, count)
            .Select(i => new RouteStop($"S{i}", new GeoPoint(Office.Latitude + (random.NextDouble() - 0.5) * 0.2, Office.Longitude + (random.NextDouble() - 0.5) * 0.2), TimeSpan.Zero))
            .ToList();

    /// <summary>The length of a visiting order under <see cref="PlaneDistances"/>.</summary>
    private static long Length(RouteRequest request, IEnumerable<string> order)
    {
        var points = order.Select(id => request.Stops.Single(s => s.Id == id).Position!.Value).Prepend(request.Start).ToList();
        if (request.End == RouteEnd.ReturnToStart)
        {
            points.Add(request.Start);
        }

        return points.Zip(points.Skip(1), PlaneDistances.Meters).Sum();
    }

    /// <summary>The shortest route over every order of the stops, by depth-first search cut off at the best length so far.</summary>
    private static long Shortest(RouteRequest request)
    {
        var points = request.Stops.Select(s => s.Position!.Value).Prepend(request.Start).ToList();
        var best = long.MaxValue;
        var visited = new bool[points.Count];
        Extend(0, 1, 0);
        return best;

        void Extend(int at, int count, long length)
        {
            if (length >= best)
            {
                return;
            }

            if (count == points.Count)
            {
                best = Math.Min(best, length + (request.End == RouteEnd.ReturnToStart ? PlaneDistances.Meters(points[at], points[0]) : 0));
                return;
            }

            for (var next = 1; next < points.Count; next++)
            {
                if (!visited[next])
                {
                    visited[next] = true;
                    Extend(next, count + 1, length + PlaneDistances.Meters(points[at], points[next]));
                    visited[next] = false;
                }
            }
        }
    }

    /// <summary>
    /// Distances of the test's own, on a flat map around the points (equirectangular, 111.2 km a degree): a road network
    /// is another provider like this one, and the expected routes are computed from the same numbers.
    /// </summary>
    private sealed class PlaneDistances : IDistanceProvider
    {
        public static long Meters(GeoPoint a, GeoPoint b)
        {
            var north = (b.Latitude - a.Latitude) * 111_195;
            var east = (b.Longitude - a.Longitude) * 111_195 * Math.Cos(Office.Latitude * Math.PI / 180);
            return (long)Math.Round(Math.Sqrt(north * north + east * east));
        }

        public ValueTask<long[,]> MetersAsync(IReadOnlyList<GeoPoint> points, CancellationToken ct)
        {
            var meters = new long[points.Count, points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                for (var j = 0; j < points.Count; j++)
                {
                    meters[i, j] = Meters(points[i], points[j]);
                }
            }

            return ValueTask.FromResult(meters);
        }
    }

    /// <summary>Points on a line: the longitude is metres east of <see cref="Origin"/>, so every distance is known exactly.</summary>
    private sealed class EastOfOrigin : IDistanceProvider
    {
        public ValueTask<long[,]> MetersAsync(IReadOnlyList<GeoPoint> points, CancellationToken ct)
        {
            var meters = new long[points.Count, points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                for (var j = 0; j < points.Count; j++)
                {
                    meters[i, j] = (long)Math.Abs(points[i].Longitude - points[j].Longitude);
                }
            }

            return ValueTask.FromResult(meters);
        }
    }
}
