using System.Diagnostics;
using Crm.BuildingBlocks.Geo;
using Crm.Visits.Domain;
using Crm.Visits.Domain.Routing;

namespace Crm.Benchmarks;

/// <summary>
/// <c>visits-routes</c>: the Visits service's route optimisation (<see cref="RouteOptimizer"/>, in process, great-circle
/// distances) for 20, 50 and 200 stops at random positions within about 15 km of central Hangzhou (fixed seed), both
/// returning to the start and open-ended. Each figure is the median of 5 runs after a warm-up on other stops, and each
/// route's length is set beside a reference: the best of 50 randomized 2-opt restarts, written here apart from the
/// service's code. Every run must visit each stop once, its total must be the sum of its legs on the same distances, and
/// all runs of one instance must give the same order; otherwise WRONG ANSWER and exit code 1.
/// Target: 50 stops within 2 % of the reference in under 200 ms.
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- visits-routes [--runs N] [--restarts N]
/// </summary>
internal static class VisitsBenchmarks
{
    private static readonly GeoPoint Hangzhou = new(30.2741, 120.1551);
    private static readonly DateTimeOffset Eight = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));

    private const double TargetGapPercent = 2;
    private const double TargetMilliseconds = 200;
    private const int TargetStops = 50;

    public static bool Handles(string? argument) => argument is "visits" or "visits-routes";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = BenchmarkOptions.Named(args, "--runs", 5);
        var restarts = BenchmarkOptions.Named(args, "--restarts", 50);
        Console.WriteLine($"Crm.Platform Visits route benchmark on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");
        Console.WriteLine($"Median of {runs} runs per instance; reference = best of {restarts} randomized 2-opt restarts. " +
                          $"Target: {TargetStops} stops within {TargetGapPercent} % of the reference in under {TargetMilliseconds} ms.");

        var failed = new List<string>();
        var optimizer = new RouteOptimizer(new GreatCircleDistances());
        // Loads the native solver and lets the JIT tier up, on stops of their own.
        await optimizer.OptimizeAsync(Request(RandomStops(new Random(7), 30), RouteEnd.ReturnToStart), CancellationToken.None);

        var summary = new List<string>();
        foreach (var stops in new[] { 20, 50, 200 })
        {
            foreach (var end in new[] { RouteEnd.ReturnToStart, RouteEnd.OpenEnded })
            {
                summary.Add(await Instance(optimizer, stops, end, runs, restarts, failed));
            }
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine raises the times, never the lengths).");
        return CustomersBenchmarks.Verdict(failed);
    }

    private static async Task<string> Instance(RouteOptimizer optimizer, int count, RouteEnd end, int runs, int restarts, List<string> failed)
    {
        var stops = RandomStops(new Random(count), count);
        var request = Request(stops, end);
        var name = $"{count} stops, {(end == RouteEnd.ReturnToStart ? "return to start" : "open-ended")}";
        var points = stops.Select(s => s.Position!.Value).Prepend(Hangzhou).ToList();
        var meters = await new GreatCircleDistances().MetersAsync(points, CancellationToken.None);

        var times = new List<double>();
        var plans = new List<RoutePlan>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            plans.Add(await optimizer.OptimizeAsync(request, CancellationToken.None));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var plan = plans[0];
        Check(name, plans, stops, meters, end, failed);

        var clockReference = Stopwatch.StartNew();
        var reference = TwoOpt.Best(meters, end == RouteEnd.ReturnToStart, restarts, new Random(count));
        var referenceTime = clockReference.Elapsed.TotalMilliseconds;

        var gap = 100.0 * (plan.TotalMeters - reference) / reference;
        var median = Stats.Median(times);
        var target = count == TargetStops
            ? gap <= TargetGapPercent && median < TargetMilliseconds ? "  target met" : $"  TARGET MISSED (≤ {TargetGapPercent} %, < {TargetMilliseconds} ms)"
            : "";
        var line = $"{name,-34} {Stats.Ms(median),9} (max {Stats.Ms(times.Max())}), {plan.TotalMeters / 1000.0,7:F2} km; " +
                   $"reference {reference / 1000.0,7:F2} km ({Stats.Ms(referenceTime)}), gap {gap,6:+0.00;-0.00} %{target}";
        Console.WriteLine(line);
        return line;
    }

    /// <summary>Each run visits every stop once, its total is its legs on these distances, and every run gives the same order.</summary>
    private static void Check(string name, List<RoutePlan> plans, List<RouteStop> stops, long[,] meters, RouteEnd end, List<string> failed)
    {
        var index = stops.Select((s, i) => (s.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);
        foreach (var plan in plans)
        {
            var order = plan.Legs.Select(l => index[l.StopId]).ToList();
            if (order.Count != stops.Count || order.Distinct().Count() != stops.Count || plan.Unreachable.Count > 0 || plan.WithoutPosition.Count > 0)
            {
                CustomersBenchmarks.Wrong(failed, $"{name}: {order.Distinct().Count()} of {stops.Count} stops visited, {plan.Unreachable.Count} unreachable.");
                return;
            }

            var length = Length(meters, order, end == RouteEnd.ReturnToStart);
            if (length != plan.TotalMeters)
            {
                CustomersBenchmarks.Wrong(failed, $"{name}: the plan says {plan.TotalMeters} m, its order measures {length} m.");
            }
        }

        if (plans.Select(p => string.Join(',', p.Legs.Select(l => l.StopId))).Distinct().Count() > 1)
        {
            CustomersBenchmarks.Wrong(failed, $"{name}: {plans.Count} runs gave different orders for the same stops.");
        }
    }

    private static long Length(long[,] meters, IReadOnlyList<int> order, bool returns)
    {
        long length = 0;
        var at = 0;
        foreach (var next in order)
        {
            length += meters[at, next];
            at = next;
        }

        return length + (returns ? meters[at, 0] : 0);
    }

    private static RouteRequest Request(List<RouteStop> stops, RouteEnd end) => new(Hangzhou, end, Eight, stops);

    /// <summary>Uniform in a square of ±0.15° around the office: about 29 km by 33 km.</summary>
    private static List<RouteStop> RandomStops(Random random, int count) =>
        Enumerable.Range(1, count)
            .Select(i => new RouteStop($"C{i:D3}", new GeoPoint(Hangzhou.Latitude + (random.NextDouble() - 0.5) * 0.3, Hangzhou.Longitude + (random.NextDouble() - 0.5) * 0.3), TimeSpan.FromMinutes(20)))
            .ToList();

    /// <summary>
    /// The reference: from random orders, reverse any segment that shortens the route until none does, and keep the best.
    /// Node 0 is the start and stays first; the distances are symmetric, so a reversed segment keeps its inner length.
    /// </summary>
    private static class TwoOpt
    {
        public static long Best(long[,] meters, bool returns, int restarts, Random random)
        {
            var n = meters.GetLength(0);
            var best = long.MaxValue;
            for (var restart = 0; restart < restarts; restart++)
            {
                var tour = Enumerable.Range(1, n - 1).ToArray();
                random.Shuffle(tour);
                var route = tour.Prepend(0).ToArray();
                Improve(meters, route, returns);
                best = Math.Min(best, Length(meters, route[1..], returns));
            }

            return best;
        }

        private static void Improve(long[,] meters, int[] route, bool returns)
        {
            var n = route.Length;
            // The arc after position j: back to the start when the route returns, none when it ends at route[n - 1].
            long After(int j, int from) => j + 1 < n ? meters[from, route[j + 1]] : returns ? meters[from, 0] : 0;

            for (var improved = true; improved;)
            {
                improved = false;
                for (var i = 1; i < n - 1; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        var delta = meters[route[i - 1], route[j]] + After(j, route[i]) - meters[route[i - 1], route[i]] - After(j, route[j]);
                        if (delta < 0)
                        {
                            Array.Reverse(route, i, j - i + 1);
                            improved = true;
                        }
                    }
                }
            }
        }
    }
}
