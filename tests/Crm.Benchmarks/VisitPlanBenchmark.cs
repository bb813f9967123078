using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Geo;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Crm.Visits.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks;

/// <summary>
/// <c>visits-plans</c>: visit plan generation for 100 reps × 150 customers over four weeks, on PostgreSQL, in process
/// (the Visits service's own endpoint through its test server, with its real database). The customers lie around
/// Hangzhou with grades A–E (10/20/30/20/20 %), a fifth of them key, four in five visited 1–60 days before the period.
/// Each rep generates a plan for the four weeks from next Monday (6 visits a day, standard frequency), four reps at a
/// time. Every plan must put only working days, at most 6 visits on a day, and account for every customer due in the
/// period (planned or reported unplanned), computed here from the seeded last visits; else WRONG ANSWER and exit 1.
/// Target: the whole generation under 10 s.
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- visits-plans [--reps N] [--customers N] [--concurrency N]
/// </summary>
internal static class VisitPlanBenchmark
{
    private const double TargetSeconds = 10;
    private static readonly GeoPoint Hangzhou = new(30.2741, 120.1551);

    public static bool Handles(string? argument) => argument is "visits-plans";

    public static async Task<int> RunAsync(string[] args)
    {
        var reps = BenchmarkOptions.Named(args, "--reps", 100);
        var perRep = BenchmarkOptions.Named(args, "--customers", 150);
        var concurrency = BenchmarkOptions.Named(args, "--concurrency", 4);
        Console.WriteLine($"Crm.Platform Visits plan generation on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");
        Console.WriteLine($"{reps} reps × {perRep} customers, four weeks, {concurrency} at a time, PostgreSQL. Target: under {TargetSeconds} s in all.");

        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_plans"));
        await using var host = await ServiceTestHost.StartAsync(b => b.AddVisitsService(), a => a.MapVisitsService(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = database.ConnectionString,
        });
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VisitsOptions>>().Value;
        var today = options.DayOf(DateTimeOffset.UtcNow);
        var from = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        var to = from.AddDays(25);
        var clock = Stopwatch.StartNew();
        var expected = await Seed(host, reps, perRep, from, to);
        Console.WriteLine($"Seeded {reps * perRep:N0} customers and their last visits in {clock.Elapsed.TotalSeconds:F1} s; plans for {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.");

        // A warm-up plan of a rep of its own (not counted) lets the JIT and the connection pool settle.
        await Generate(host, "warmup.rep", from, to);

        var failed = new ConcurrentBag<string>();
        var times = new ConcurrentBag<double>();
        var visits = 0;
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, reps), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (rep, _) =>
        {
            var started = Stopwatch.StartNew();
            var (status, plan) = await Generate(host, RepId(rep), from, to);
            times.Add(started.Elapsed.TotalMilliseconds);
            if (status != HttpStatusCode.Created || plan is null)
            {
                failed.Add($"{RepId(rep)}: {status}");
                return;
            }

            Interlocked.Add(ref visits, plan.Days.Sum(d => d.Visits.Count));
            Check(plan, expected[RepId(rep)], from, to, failed);
        });
        var total = clock.Elapsed.TotalSeconds;

        var sorted = times.Order().ToList();
        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        Console.WriteLine($"plan generation: {reps} plans, {visits:N0} visits, {total:F2} s in all (target < {TargetSeconds} s: {(total < TargetSeconds ? "met" : "MISSED")}); " +
                          $"per plan p50 {Stats.Ms(Stats.Percentile(sorted, 50))}, p99 {Stats.Ms(Stats.Percentile(sorted, 99))}");
        Console.WriteLine($"Load average at end {Stats.LoadAverage()}.");
        return CustomersBenchmarks.Verdict([.. failed]);
    }

    private static string RepId(int rep) => $"bench.rep{rep:D3}";

    private static async Task<(HttpStatusCode, PlanResponse?)> Generate(ServiceTestHost host, string rep, DateOnly from, DateOnly to)
    {
        var client = host.Client(new TestUser(rep, Roles.SalesRep, ["EAST"]));
        var response = await client.PostAsJsonAsync("/api/visits/plans", new { from, to }, TestJson.Options);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<PlanResponse>(TestJson.Options) : null);
    }

    /// <summary>Every plan keeps to working days and capacity and accounts for each customer due in the period.</summary>
    private static void Check(PlanResponse plan, HashSet<Guid> due, DateOnly from, DateOnly to, ConcurrentBag<string> failed)
    {
        var visits = plan.Days.SelectMany(d => d.Visits).ToList();
        if (visits.Any(v => v.ScheduledFor < from || v.ScheduledFor > to || v.ScheduledFor.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            failed.Add($"WRONG ANSWER {plan.OwnerId}: a visit outside the period's working days");
        }

        if (plan.Days.Any(d => d.Visits.Count > 6))
        {
            failed.Add($"WRONG ANSWER {plan.OwnerId}: a day with more than 6 visits");
        }

        var accounted = visits.Select(v => v.CustomerId).Concat(plan.Unplanned!.Select(u => u.CustomerId)).ToHashSet();
        if (!due.IsSubsetOf(accounted) || !accounted.IsSubsetOf(due))
        {
            failed.Add($"WRONG ANSWER {plan.OwnerId}: {due.Except(accounted).Count()} due customers missing, {accounted.Except(due).Count()} not due planned");
        }
    }

    /// <summary>Seeds the read model and last visits; returns, per rep, the customers due in the period by the standard frequency.</summary>
    private static async Task<Dictionary<string, HashSet<Guid>>> Seed(ServiceTestHost host, int reps, int perRep, DateOnly from, DateOnly to)
    {
        var random = new Random(20261130);
        var grades = new[] { CustomerGrade.A, CustomerGrade.B, CustomerGrade.B, CustomerGrade.C, CustomerGrade.C, CustomerGrade.C, CustomerGrade.D, CustomerGrade.D, CustomerGrade.E, CustomerGrade.E };
        var expected = new Dictionary<string, HashSet<Guid>>();
        foreach (var repIndex in Enumerable.Range(0, reps).Chunk(10))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VisitsDbContext>();
            var number = 0;
            foreach (var rep in repIndex.Select(RepId))
            {
                var due = expected[rep] = [];
                // Each rep works an area of about 20 km around a point within 30 km of Hangzhou.
                var centre = new GeoPoint(Hangzhou.Latitude + (random.NextDouble() - 0.5) * 0.5, Hangzhou.Longitude + (random.NextDouble() - 0.5) * 0.6);
                for (var i = 0; i < perRep; i++)
                {
                    var customer = new CustomerSnapshot
                    {
                        Id = Guid.NewGuid(), Code = $"B{rep[^3..]}-{i:D3}", Name = $"Bench customer {rep} {i}", Kind = CustomerKind.Dealer, Region = "EAST",
                        OwnerId = rep, Tier = random.Next(5) == 0 ? CustomerTier.Key : CustomerTier.Ordinary, Grade = grades[random.Next(grades.Length)],
                        Status = CustomerStatus.Active, Latitude = centre.Latitude + (random.NextDouble() - 0.5) * 0.2,
                        Longitude = centre.Longitude + (random.NextDouble() - 0.5) * 0.2, Datum = CoordinateDatum.Wgs84, Version = 1, UpdatedAt = DateTimeOffset.UtcNow,
                    };
                    db.CustomerSnapshots.Add(customer);
                    DateOnly? last = null;
                    if (random.Next(5) != 0)
                    {
                        last = from.AddDays(-random.Next(1, 61));
                        var at = new DateTimeOffset(last.Value.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero); // 10:00 in Shanghai
                        var visit = Visit.Schedule($"VS-BENCH-{rep[^3..]}-{number++:D5}", customer.Id, customer.Name, "EAST", rep, 1, last.Value, null, "", rep, at);
                        var point = new CheckPoint(at, customer.Latitude!.Value, customer.Longitude!.Value, CoordinateDatum.Wgs84, 0);
                        visit.CheckInAt(point, 1000, "", rep);
                        visit.CheckOutAt(point with { At = at.AddMinutes(45) }, "", rep);
                        visit.ClearDomainEvents();
                        db.Visits.Add(visit);
                    }

                    var interval = VisitFrequencyPolicy.Standard("EAST").IntervalDays(customer.Grade, customer.Tier);
                    if (VisitCadence.NextDue(last, interval, from) <= to)
                    {
                        due.Add(customer.Id);
                    }
                }
            }

            await db.SaveChangesAsync();
        }

        return expected;
    }
}
