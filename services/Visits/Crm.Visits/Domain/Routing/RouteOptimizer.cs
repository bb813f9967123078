using Crm.BuildingBlocks.Geo;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Crm.Visits.Domain.Routing;

/// <summary>
/// Metres from each point to each other, <c>[from, to]</c>, for points in one datum; the first point is the start.
/// Road distances (OSRM, a company's GIS) plug in here; <see cref="GreatCircleDistances"/> is the default.
/// </summary>
public interface IDistanceProvider
{
    ValueTask<long[,]> MetersAsync(IReadOnlyList<GeoPoint> points, CancellationToken ct);
}

/// <summary>Straight-line distances: shorter than the road, but the same for every candidate order, so good enough to rank them.</summary>
public sealed class GreatCircleDistances : IDistanceProvider
{
    public ValueTask<long[,]> MetersAsync(IReadOnlyList<GeoPoint> points, CancellationToken ct)
    {
        var meters = new long[points.Count, points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < points.Count; j++)
            {
                meters[i, j] = (long)Math.Round(GreatCircle.Meters(points[i], points[j]));
            }
        }

        return ValueTask.FromResult(meters);
    }
}

/// <summary>
/// When the visit may start: the rep arrives between <see cref="From"/> and <see cref="To"/> (or earlier and waits), and
/// the service may run past <see cref="To"/>; for opening hours pass the closing time less the service time.
/// <c>From == To</c> is a fixed appointment.
/// </summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To);

/// <summary>A customer to visit; <see cref="Position"/> is null when the card has no coordinates (converted to WGS-84 by the caller).</summary>
public sealed record RouteStop(string Id, GeoPoint? Position, TimeSpan ServiceTime, TimeWindow? Window = null);

public enum RouteEnd { ReturnToStart, OpenEnded }

public sealed record RouteRequest(GeoPoint Start, RouteEnd End, DateTimeOffset DepartAt, IReadOnlyList<RouteStop> Stops, double SpeedKmh = 30);

/// <summary>The <paramref name="Order"/>th visit (from 1): metres from the previous point, when it starts and when the rep leaves.</summary>
public sealed record RouteLeg(int Order, string StopId, long Meters, DateTimeOffset Arrival, DateTimeOffset Departure);

/// <summary>
/// The day's route. Every stop of the request is in exactly one of <see cref="Legs"/>, <see cref="WithoutPosition"/>
/// (no coordinates) or <see cref="Unreachable"/> (its window cannot be met). <see cref="ReturnMeters"/> and
/// <see cref="BackAt"/> are null for an open-ended route.
/// </summary>
public sealed record RoutePlan(
    IReadOnlyList<RouteLeg> Legs,
    long TotalMeters,
    long? ReturnMeters,
    DateTimeOffset? BackAt,
    IReadOnlyList<string> WithoutPosition,
    IReadOnlyList<string> Unreachable);

/// <summary>
/// Orders a rep's visits for one day with OR-Tools' routing library: the shortest route that starts every visit within
/// its window; a visit whose window cannot be met is left out and reported. Travel time is distance / speed.
/// </summary>
public sealed class RouteOptimizer(IDistanceProvider distances, TimeSpan? timeLimit = null)
{
    /// <summary>Only a safety cap: the search normally ends on its solution limit well before (see <see cref="SolutionLimit"/>).</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _timeLimit = timeLimit ?? DefaultTimeLimit;

    public async Task<RoutePlan> OptimizeAsync(RouteRequest request, CancellationToken ct)
    {
        Validate(request);
        var withoutPosition = request.Stops.Where(s => s.Position is null).Select(s => s.Id).ToList();
        var candidates = request.Stops.Where(s => s.Position is not null && CanOpen(request, s.Window)).ToList();
        if (candidates.Count == 0)
        {
            return Schedule(request, candidates, [], new long[1, 1], new long[1, 1], withoutPosition);
        }

        var points = candidates.Select(s => s.Position!.Value).Prepend(request.Start).ToList();
        var meters = await distances.MetersAsync(points, ct);
        if (meters.GetLength(0) != points.Count || meters.GetLength(1) != points.Count)
        {
            throw new InvalidOperationException($"The distance provider answered a {meters.GetLength(0)}×{meters.GetLength(1)} matrix for {points.Count} points.");
        }

        ct.ThrowIfCancellationRequested();
        var seconds = TravelSeconds(meters, request.SpeedKmh);
        var order = candidates.Count == 1 ? [0] : Solve(request, candidates, meters, seconds, ct);
        return Schedule(request, candidates, order, meters, seconds, withoutPosition);
    }

    /// <summary>
    /// The search must not depend on the machine's speed or load: the same day must always give a rep the same route.
    /// So guided local search stops after a number of solutions (each accepted move counts), never on the clock; the time
    /// limit is only a safety cap, and the CP-based LNS operators, whose sub-searches are bounded by time
    /// (LnsTimeLimit), stay off as by default. About one move per stop descends from the first solution, and 2,000 / n
    /// more escape local optima while moves are cheap; each move scans about n² neighbours, so at most 100: 50 stops take
    /// under 0.2 s and 200 stops about 0.5 s on a shared 2-core machine (tests/Crm.Benchmarks, visits-routes).
    /// </summary>
    private static long SolutionLimit(int stops) => Math.Min(100, stops + 2_000L / stops);

    /// <summary>The visiting order as indices into <paramref name="candidates"/>, dropped visits left out.</summary>
    private int[] Solve(RouteRequest request, List<RouteStop> candidates, long[,] meters, long[,] seconds, CancellationToken ct)
    {
        var stops = candidates.Count;
        var openEnded = request.End == RouteEnd.OpenEnded;
        // Nodes: 0 the start, 1..stops the visits, and for an open-ended route a dummy end reached from anywhere at no cost.
        var nodes = openEnded ? stops + 2 : stops + 1;
        var end = openEnded ? stops + 1 : 0;
        using var manager = new RoutingIndexManager(nodes, 1, [0], [end]);
        using var routing = new RoutingModel(manager);

        var distance = new long[nodes][];
        var time = new long[nodes][];
        long longestArc = 0, longestTravel = 0, latestOpening = 0, totalService = 0;
        for (var from = 0; from < nodes; from++)
        {
            distance[from] = new long[nodes];
            time[from] = new long[nodes];
            var service = from is > 0 && from <= stops ? ServiceSeconds(candidates[from - 1]) : 0;
            totalService += service;
            for (var to = 0; to < nodes; to++)
            {
                var real = from < stops + 1 && to < stops + 1;
                distance[from][to] = real ? meters[from, to] : 0;
                time[from][to] = service + (real ? seconds[from, to] : 0);
                longestArc = Math.Max(longestArc, distance[from][to]);
                longestTravel = Math.Max(longestTravel, real ? seconds[from, to] : 0);
            }
        }

        foreach (var stop in candidates.Where(s => s.Window is not null))
        {
            latestOpening = Math.Max(latestOpening, OffsetSeconds(request, stop.Window!.From, Math.Ceiling));
        }

        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(distance));

        // Long enough for any order that waits only for a window to open: the latest opening, every service, the longest leg each time.
        var horizon = latestOpening + totalService + (stops + 1) * longestTravel;
        routing.AddDimension(routing.RegisterTransitMatrix(time), horizon, horizon, true, "Time");
        var clock = routing.GetMutableDimension("Time");

        // Any route costs at most (stops + 1) × the longest arc, so dropping a visit for this penalty never pays while it fits.
        var dropPenalty = (stops + 1) * longestArc + 1;
        for (var node = 1; node <= stops; node++)
        {
            var index = manager.NodeToIndex(node);
            if (candidates[node - 1].Window is { } window)
            {
                clock.CumulVar(index).SetRange(
                    Math.Max(0, OffsetSeconds(request, window.From, Math.Ceiling)),
                    Math.Min(horizon, OffsetSeconds(request, window.To, Math.Floor)));
            }

            routing.AddDisjunction([index], dropPenalty);
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        // The default 0.1 penalises a local optimum's arcs too little: the search steps out and straight back for
        // dozens of moves. 0.5 reaches the benchmark's reference routes within the solution limit.
        parameters.GuidedLocalSearchLambdaCoefficient = 0.5;
        parameters.SolutionLimit = SolutionLimit(stops);
        parameters.TimeLimit = Duration.FromTimeSpan(_timeLimit);
        routing.AddAtSolutionCallback(() =>
        {
            if (ct.IsCancellationRequested)
            {
                routing.solver().FinishCurrentSearch();
            }
        });

        using var solution = routing.SolveWithParameters(parameters);
        ct.ThrowIfCancellationRequested();
        if (solution is null)
        {
            throw new InvalidOperationException($"No route found for {stops} stops within {_timeLimit.TotalSeconds:F0} s.");
        }

        var order = new List<int>(stops);
        for (var index = solution.Value(routing.NextVar(routing.Start(0))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
        {
            order.Add(manager.IndexToNode(index) - 1);
        }

        return [.. order];
    }

    /// <summary>
    /// Walks the order from the departure: each visit starts on arrival, or when its window opens. A visit whose window
    /// is missed (the solver's seconds are rounded to the safe side, so this only happens for a single stop, which skips
    /// the solver) is reported unreachable and the route goes on from the previous point.
    /// </summary>
    private static RoutePlan Schedule(RouteRequest request, List<RouteStop> candidates, int[] order, long[,] meters, long[,] seconds, List<string> withoutPosition)
    {
        var legs = new List<RouteLeg>(order.Length);
        var at = 0; // Matrix index of the current point: 0 is the start, i + 1 is candidates[i].
        var clock = request.DepartAt;
        foreach (var i in order)
        {
            var stop = candidates[i];
            var arrival = clock + TimeSpan.FromSeconds(seconds[at, i + 1]);
            if (stop.Window is { } window)
            {
                if (arrival > window.To)
                {
                    continue;
                }

                arrival = arrival < window.From ? window.From : arrival;
            }

            clock = arrival + stop.ServiceTime;
            legs.Add(new RouteLeg(legs.Count + 1, stop.Id, meters[at, i + 1], arrival, clock));
            at = i + 1;
        }

        var visited = legs.Select(l => l.StopId).ToHashSet(StringComparer.Ordinal);
        var unreachable = request.Stops.Where(s => s.Position is not null && !visited.Contains(s.Id)).Select(s => s.Id).ToList();
        var returnMeters = request.End == RouteEnd.ReturnToStart ? meters[at, 0] : (long?)null;
        var backAt = request.End == RouteEnd.ReturnToStart ? clock + TimeSpan.FromSeconds(seconds[at, 0]) : (DateTimeOffset?)null;
        return new RoutePlan(legs, legs.Sum(l => l.Meters) + (returnMeters ?? 0), returnMeters, backAt, withoutPosition, unreachable);
    }

    private static long[,] TravelSeconds(long[,] meters, double speedKmh)
    {
        var metersPerSecond = speedKmh / 3.6;
        var seconds = new long[meters.GetLength(0), meters.GetLength(1)];
        for (var i = 0; i < meters.GetLength(0); i++)
        {
            for (var j = 0; j < meters.GetLength(1); j++)
            {
                seconds[i, j] = (long)Math.Round(meters[i, j] / metersPerSecond);
            }
        }

        return seconds;
    }

    /// <summary>
    /// The solver counts whole seconds from the departure, so a window must hold one: it must not close before the
    /// departure, nor open and close within the same second.
    /// </summary>
    private static bool CanOpen(RouteRequest request, TimeWindow? window) =>
        window is null
        || Math.Max(0, OffsetSeconds(request, window.From, Math.Ceiling)) <= OffsetSeconds(request, window.To, Math.Floor);

    private static long ServiceSeconds(RouteStop stop) => (long)Math.Ceiling(stop.ServiceTime.TotalSeconds);

    private static long OffsetSeconds(RouteRequest request, DateTimeOffset instant, Func<double, double> round) =>
        (long)round((instant - request.DepartAt).TotalSeconds);

    private static void Validate(RouteRequest request)
    {
        if (!(request.SpeedKmh > 0) || double.IsInfinity(request.SpeedKmh))
        {
            throw new ArgumentException($"The speed must be a positive number of km/h, not {request.SpeedKmh}.", nameof(request));
        }

        foreach (var stop in request.Stops)
        {
            if (stop.ServiceTime < TimeSpan.Zero)
            {
                throw new ArgumentException($"Stop {stop.Id}: the service time is negative.", nameof(request));
            }

            if (stop.Window is { } window && window.To < window.From)
            {
                throw new ArgumentException($"Stop {stop.Id}: its window closes before it opens.", nameof(request));
            }
        }

        var duplicate = request.Stops.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Stop {duplicate.Key} appears more than once.", nameof(request));
        }
    }
}
