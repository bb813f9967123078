using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks;

/// <summary>
/// <c>hospitality</c>: the Hospitality service in process on PostgreSQL (its endpoints through its test server, its real
/// database): an approver's inbox holding 10,000 pending applications (the first page of 50 and the total, ms), and
/// permit checks at the gate by concurrent loops for a fixed time (checks/s, p50, p99). Each inbox answer must count
/// exactly the seeded applications and list the soonest visits first; each gate answer must be the permit asked for and
/// valid; otherwise WRONG ANSWER and exit 1. The gate through the gateway, beside the same check made directly, is part
/// of the platform benchmark (<c>gateway</c>, Program.cs).
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- hospitality [--pending N] [--seconds S] [--concurrency N]
/// </summary>
internal static class HospitalityBenchmark
{
    private const int InboxRounds = 50;

    public static bool Handles(string? argument) => argument is "hospitality";

    public static async Task<int> RunAsync(string[] args)
    {
        var pending = BenchmarkOptions.Named(args, "--pending", 10_000);
        var seconds = BenchmarkOptions.Named(args, "--seconds", 10);
        var concurrency = BenchmarkOptions.Named(args, "--concurrency", 8);
        Console.WriteLine($"Crm.Platform Hospitality benchmark on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");

        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_hospitality"));
        await using var host = await ServiceTestHost.StartAsync(b => b.AddHospitalityService(), a => a.MapHospitalityService(), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = database.ConnectionString,
        });
        var clock = Stopwatch.StartNew();
        var permits = await Seed(host, pending);
        Console.WriteLine($"Seeded {pending:N0} applications waiting for the branch manager and {permits.Count:N0} approved visits in {clock.Elapsed.TotalSeconds:F1} s.");

        var failed = new List<string>();
        var manager = host.Client(new TestUser("bench.manager", Roles.BranchManager, ["EAST"]));
        await manager.GetAsync("/api/hospitality/inbox");
        var inboxTimes = new List<double>();
        for (var round = 0; round < InboxRounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await manager.GetFromJsonAsync<PagedResult<ApplicationSummary>>("/api/hospitality/inbox", TestJson.Options);
            inboxTimes.Add(Stats.Milliseconds(Stopwatch.GetTimestamp() - started));
            if (page is null || page.TotalCount != pending || page.Items.Count != 50 || page.Items.Zip(page.Items.Skip(1)).Any(p => p.First.Start > p.Second.Start))
            {
                failed.Add($"WRONG ANSWER inbox: {page?.TotalCount} pending, {page?.Items.Count} listed");
                break;
            }
        }

        var frontDesk = host.Client(new TestUser("bench.frontdesk", Roles.FrontDesk, []));
        var latencies = new List<long>[concurrency];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async loop =>
        {
            latencies[loop] = [];
            var random = new Random(loop);
            while (!stop.IsCancellationRequested)
            {
                var permit = permits[random.Next(permits.Count)];
                var started = Stopwatch.GetTimestamp();
                var response = await frontDesk.GetAsync($"/api/hospitality/gate/{permit}");
                latencies[loop].Add(Stopwatch.GetTimestamp() - started);
                var check = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<PermitCheckResponse>(TestJson.Options) : null;
                if (check is not { Valid: true } || check.PermitNumber != permit)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        }));
        if (wrong > 0)
        {
            failed.Add($"WRONG ANSWER gate: {wrong} checks not the valid permit asked for");
        }

        var gate = Stats.SortedMilliseconds(latencies.SelectMany(l => l));
        var sortedInbox = inboxTimes.Order().ToList();
        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        Console.WriteLine($"approval inbox with {pending:N0} pending: p50 {Stats.Ms(Stats.Percentile(sortedInbox, 50))}, p99 {Stats.Ms(Stats.Percentile(sortedInbox, 99))} over {InboxRounds} requests (first page of 50 and the total)");
        Console.WriteLine($"gate permit checks ({concurrency} loops, {seconds} s, in process): {gate.Length / (double)seconds:F0} checks/s, p50 {Stats.Ms(Stats.Percentile(gate, 50))}, p99 {Stats.Ms(Stats.Percentile(gate, 99))}");
        Console.WriteLine($"Load average at end {Stats.LoadAverage()}.");
        return CustomersBenchmarks.Verdict(failed);
    }

    /// <summary>Pending applications for the branch manager of EAST, and approved visits under way now with their permits.</summary>
    private static async Task<List<string>> Seed(ServiceTestHost host, int pending)
    {
        var now = DateTimeOffset.UtcNow;
        var rules = ApprovalRuleSet.Documented(now);
        var standards = ReceptionStandardSet.Documented(now);
        var permits = new List<string>();
        var number = 0;
        foreach (var chunk in Enumerable.Range(0, pending + 200).Chunk(2_000))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HospitalityDbContext>();
            foreach (var i in chunk)
            {
                var approved = i >= pending;
                var start = approved ? now.AddMinutes(-10) : now.AddHours(2 + i % 500);
                var request = new VisitRequest([new Visitor($"Visitor {i}", "Buyer", false)], start, start.AddHours(2), "Benchmark visit", VisitKind.AdHoc, "", false, "host");
                var application = HospitalityApplication.Apply($"HV-BENCH-{number++:D6}", Guid.NewGuid(), $"Customer {i}", "EAST", "bench.rep",
                    CustomerTier.Ordinary, CustomerKind.Dealer, CustomerGrade.C, request, rules.For(VisitKind.AdHoc, CustomerTier.Ordinary, CustomerKind.Dealer),
                    urgent: true, "bench.rep", now.AddHours(-1));
                if (approved)
                {
                    application.Decide(Decision.Approve, Roles.BranchManager, null, null, "bench.manager", now);
                    application.Decide(Decision.Approve, Roles.RegionalDirector, null, null, "bench.director", now);
                    var permit = $"PM-BENCH-{i:D6}";
                    application.IssuePermit(permit, PermitCodes.New(), standards.For(CustomerTier.Ordinary, CustomerGrade.C), now);
                    permits.Add(permit);
                }

                application.ClearDomainEvents();
                db.Applications.Add(application);
            }

            await db.SaveChangesAsync();
        }

        return permits;
    }
}
