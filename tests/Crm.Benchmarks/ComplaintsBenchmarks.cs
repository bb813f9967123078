using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Complaints;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Benchmarks;

/// <summary>
/// The Complaints service's two figures:
/// <list type="bullet">
/// <item><c>complaints-filing</c>: complaints filed and routed per second through the API: the distributed platform
/// (gateway + five service processes, PostgreSQL, RabbitMQ) is started, one customer registered through the gateway, and
/// <c>POST /api/complaints</c> sent through the gateway by concurrent loops for a fixed time. Each request allocates a
/// CP number, routes by the current rule set, computes the SLA deadlines on the business calendar, and commits the
/// complaint with its ComplaintFiled and ComplaintRouted outbox rows.</item>
/// <item><c>complaints-sweep</c>: the escalation sweep over 100,000 open complaints on PostgreSQL, in process
/// (<see cref="EscalationSweep"/>, exactly what each replica's scheduler runs): complaints filed over the previous 20
/// days (so many steps are due: the catch-up sweep after the sweeper was down), then an hour later (a routine sweep),
/// then with nothing due.</item>
/// </list>
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- complaints|complaints-filing|complaints-sweep
///        [--seconds S] [--concurrency N] [--complaints N]
/// </summary>
internal static class ComplaintsBenchmarks
{
    public static bool Handles(string? argument) => argument is "complaints" or "complaints-filing" or "complaints-sweep";

    public static async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"Crm.Platform Complaints benchmarks on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");
        var summary = new List<string>();
        if (args[0] is "complaints" or "complaints-filing")
        {
            summary.AddRange(await FilingBenchmark(BenchmarkOptions.Named(args, "--seconds", 20), BenchmarkOptions.Named(args, "--concurrency", 16)));
        }

        if (args[0] is "complaints" or "complaints-sweep")
        {
            summary.AddRange(await SweepBenchmark(BenchmarkOptions.Named(args, "--complaints", 100_000)));
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine lowers these figures).");
        return 0;
    }

    private static async Task<List<string>> FilingBenchmark(int seconds, int concurrency)
    {
        Console.WriteLine();
        Console.WriteLine($"== Complaints filed and routed through the gateway: {concurrency} concurrent, 3 s warm-up, {seconds} s measured ==");
        var unthrottled = new Dictionary<string, string> { ["RateLimiting__TokenLimit"] = "1000000", ["RateLimiting__TokensPerSecond"] = "1000000" };
        // The scheduled sweep stays on, as in production; the complaints filed here are not due within the run.
        await using var platform = await PlatformProcesses.StartAsync(unthrottled);
        Console.WriteLine($"Platform ready: gateway {platform.GatewayUrl}; logs in {platform.LogDirectory}");
        using var gateway = Clients.Create(platform.GatewayUrl, await platform.TokenAsync("gm"), concurrency);
        var customerId = await Api.RegisterCustomerAsync(gateway, "Complaints benchmark dealer", CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await gateway.GetAsync($"api/complaints/customers/{customerId}")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The customer did not reach the Complaints read model within 30 s.");
            }

            await Task.Delay(20);
        }

        await Load(gateway, customerId, concurrency, TimeSpan.FromSeconds(3), checkEvery: 1);
        var (created, latencies, elapsed) = await Load(gateway, customerId, concurrency, TimeSpan.FromSeconds(seconds), checkEvery: 50);
        var rate = created / elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var line = $"Complaints filed and routed through the gateway: {rate:F0} per second ({created:N0} in {elapsed.TotalSeconds:F1} s, " +
                   $"{concurrency} concurrent; latency p50 {Stats.Ms(Stats.Percentile(sorted, 50))}, p99 {Stats.Ms(Stats.Percentile(sorted, 99))})";
        Console.WriteLine(line);
        return [line];
    }

    /// <summary>Files complaints in concurrent loops until <paramref name="duration"/> is over; any non-201 fails the run.</summary>
    private static async Task<(int Created, List<double> Latencies, TimeSpan Elapsed)> Load(
        HttpClient gateway, Guid customerId, int concurrency, TimeSpan duration, int checkEvery)
    {
        var types = Enum.GetNames<ComplaintType>();
        var severities = Enum.GetNames<ComplaintSeverity>();
        var created = 0;
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async loop =>
        {
            var mine = new List<double>();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await gateway.PostAsJsonAsync("api/complaints", new
                {
                    customerId, channel = "Hotline", type = types[(loop + i) % types.Length], severity = severities[i % severities.Length],
                    productLine = "Ceramic tiles", description = $"Benchmark complaint {loop}-{i}", contactPerson = "王经理",
                });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"POST /api/complaints returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                if (i % checkEvery == 0)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (body.GetProperty("status").GetString() != "Routed" || body.GetProperty("department").GetString() is null)
                    {
                        throw new InvalidOperationException($"A filed complaint was not routed: {body}");
                    }
                }

                mine.Add(Stats.Milliseconds(Stopwatch.GetTimestamp() - started));
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
                created += mine.Count;
            }
        }));
        return (created, latencies, clock.Elapsed);
    }

    private static async Task<List<string>> SweepBenchmark(int count)
    {
        Console.WriteLine();
        Console.WriteLine($"== Escalation sweep over {count:N0} open complaints on PostgreSQL ==");
        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_sweep"));
        var connection = database.ConnectionString;
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None).AddSimpleConsole())
            .AddDbContext<ComplaintsDbContext, ComplaintsPostgresDbContext>(o => o.UseNpgsql(connection))
            .BuildServiceProvider();
        // A Monday, 10:00 in Shanghai.
        var now = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var clock = new TestClock(now);
        var seeding = Stopwatch.StartNew();
        var (due, started) = await Seed(services, now, count);
        Console.WriteLine($"Seeded {count:N0} open complaints filed over the 20 days before {now:u} ({started:N0} already taken up, " +
                          $"{due:N0} with an escalation step due) in {seeding.Elapsed.TotalSeconds:F0} s.");

        var sweep = new EscalationSweep(services.GetRequiredService<IServiceScopeFactory>(), clock,
            Options.Create(new ComplaintsOptions()), services.GetRequiredService<ILogger<EscalationSweep>>());
        var lines = new List<string>();
        lines.Add(await TimeSweep(sweep, $"catch-up sweep ({due:N0} of {count:N0} complaints due)"));
        clock.Advance(TimeSpan.FromHours(1));
        lines.Add(await TimeSweep(sweep, "routine sweep one hour later"));
        lines.Add(await TimeSweep(sweep, "sweep with nothing due"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var escalations = await db.Escalations.CountAsync();
        var distinct = await db.Escalations.Select(e => new { e.ComplaintId, e.Step }).Distinct().CountAsync();
        if (escalations != distinct)
        {
            throw new InvalidOperationException($"{escalations - distinct} escalation steps were taken twice.");
        }

        await services.DisposeAsync();
        return lines;
    }

    private static async Task<string> TimeSweep(EscalationSweep sweep, string what)
    {
        var clock = Stopwatch.StartNew();
        var result = await sweep.SweepAsync(CancellationToken.None);
        clock.Stop();
        var line = $"Escalation sweep over the open complaints on PostgreSQL, {what}: {clock.Elapsed.TotalMilliseconds:N0} ms " +
                   $"({result.Steps:N0} steps on {result.Complaints:N0} complaints in {result.Batches} batches" +
                   (result.Steps > 0 ? $", {result.Steps / clock.Elapsed.TotalSeconds:N0} steps/s)" : ")");
        Console.WriteLine(line);
        return line;
    }

    /// <summary>
    /// Complaints filed through the domain (numbered, routed, deadlines on the seeded China calendar) at random instants over
    /// the 20 days before <paramref name="now"/>, a third of them already taken up; their timeline rows are left out,
    /// since the sweep never reads them. Returns how many have a step due at <paramref name="now"/>.
    /// </summary>
    private static async Task<(int Due, int Started)> Seed(IServiceProvider services, DateTimeOffset now, int count)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            await db.Database.MigrateAsync();
            db.Departments.AddRange(SeedComplaintsConfiguration.DefaultDepartments.Select(d => new Department { Code = d.Code, Name = d.Name, HeadUserId = d.Head, Version = 1 }));
            await db.SaveChangesAsync();
        }

        var definition = SeedComplaintsConfiguration.ChinaCalendar();
        var calendar = definition.ToCalendar();
        var policies = SeedComplaintsConfiguration.DefaultPolicies().ToDictionary(p => (p.Severity, p.Tier), p => p.Terms);
        var rules = SeedComplaintsConfiguration.DefaultRuleSet(now);
        var random = new Random(20260316);
        var due = 0;
        var started = 0;
        const int batch = 5_000;
        for (var offset = 0; offset < count; offset += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(count, offset + batch); i++)
            {
                var filedAt = now - TimeSpan.FromMinutes(random.Next(1, 20 * 24 * 60));
                var severity = (ComplaintSeverity)random.Next(4);
                var tier = random.Next(5) == 0 ? CustomerTier.Key : CustomerTier.Ordinary;
                var complaint = Complaint.File(
                    $"CP-2026-{i + 1:D6}", Guid.CreateVersion7(filedAt), $"Benchmark customer {i % 5000}", i % 2 == 0 ? "EAST" : "NORTH",
                    "rep.east", tier, CustomerGrade.B, ComplaintChannel.Hotline, (ComplaintType)random.Next(7), severity, "Ceramic tiles",
                    "Benchmark complaint", "Li", "rep.east", definition.Code, policies[(severity, tier)], calendar, filedAt);
                complaint.Route(rules.Route(complaint.RoutingInput), "routing", filedAt);
                if (random.Next(3) == 0)
                {
                    complaint.Start("handler", filedAt + TimeSpan.FromMinutes(30));
                    started++;
                }

                complaint.Actions.Clear();
                due += complaint.DueEscalations(now).Count > 0 ? 1 : 0;
                db.Complaints.Add(complaint);
            }

            await db.SaveChangesAsync();
        }

        return (due, started);
    }
}
