using System.Collections.Concurrent;
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
/// complaint with its ComplaintFiled and ComplaintRouted outbox rows. A response other than 201 (or a 201 whose complaint
/// is not routed, or a transport error) is counted by status code, warm-up included, printed next to the rate and fails
/// the run.</item>
/// <item><c>complaints-sweep</c>: the escalation sweep over 100,000 open complaints on PostgreSQL, in process
/// (<see cref="EscalationSweep"/>, exactly what each replica's scheduler runs): after a warm-up sweep over 2,000 other
/// complaints in a database of their own (not counted), complaints filed over the previous 20 days (so many steps are
/// due: the catch-up sweep after the sweeper was down), then an hour later (a routine sweep), then with nothing due.
/// Each sweep must take exactly the steps, on exactly the complaints, that the seeded deadlines make due, each once.</item>
/// </list>
/// A failed request or a wrong answer prints FAILED / WRONG ANSWER and the program exits with 1.
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
        var failed = new List<string>();
        if (args[0] is "complaints" or "complaints-filing")
        {
            summary.AddRange(await Guarded("complaints filing", failed,
                () => FilingBenchmark(BenchmarkOptions.Named(args, "--seconds", 20), BenchmarkOptions.Named(args, "--concurrency", 16), failed)));
        }

        if (args[0] is "complaints" or "complaints-sweep")
        {
            summary.AddRange(await Guarded("escalation sweep", failed, () => SweepBenchmark(BenchmarkOptions.Named(args, "--complaints", 100_000), failed)));
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine lowers these figures).");
        return CustomersBenchmarks.Verdict(failed);
    }

    /// <summary>A benchmark whose set-up or run throws (the platform does not start, a request times out) fails the run with one line.</summary>
    private static async Task<List<string>> Guarded(string name, List<string> failed, Func<Task<List<string>>> benchmark)
    {
        try
        {
            return await benchmark();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var line = $"FAILED: {name}: {ex.GetType().Name}: {ex.Message}";
            CustomersBenchmarks.Fail(failed, line);
            return [line];
        }
    }

    private static async Task<List<string>> FilingBenchmark(int seconds, int concurrency, List<string> failed)
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

        // Failures are counted by status code (or error), warm-up included, as the gateway benchmark does; any fails the run.
        var failures = new ConcurrentDictionary<string, int>();
        var warm = await Load(gateway, customerId, concurrency, TimeSpan.FromSeconds(3), checkEvery: 1, failures);
        var warmFailed = failures.Values.Sum();
        Console.WriteLine($"  warm-up: {warm.Created:N0} filed in {warm.Elapsed.TotalSeconds:F1} s, {warmFailed} failed (not counted)");
        var (created, latencies, elapsed) = await Load(gateway, customerId, concurrency, TimeSpan.FromSeconds(seconds), checkEvery: 50, failures);
        var rate = created / elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var total = failures.Values.Sum();
        var detail = total == 0
            ? "0 failed"
            : $"{total:N0} failed ({total - warmFailed:N0} in the measured {elapsed.TotalSeconds:F1} s): " +
              string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} x{f.Value:N0}"));
        var line = $"Complaints filed and routed through the gateway: {rate:F0} per second ({created:N0} in {elapsed.TotalSeconds:F1} s, " +
                   $"{concurrency} concurrent; latency p50 {Stats.Ms(Stats.Percentile(sorted, 50))}, p99 {Stats.Ms(Stats.Percentile(sorted, 99))}; {detail})";
        Console.WriteLine(line);
        if (total > 0)
        {
            CustomersBenchmarks.Fail(failed, $"FAILED: complaints filing got other than 201 Created and routed: {detail}; the rate counts only those filed and routed.");
        }

        return [line];
    }

    /// <summary>
    /// Files complaints in concurrent loops until <paramref name="duration"/> is over. Only a 201 whose complaint was routed
    /// (checked every <paramref name="checkEvery"/>th) counts; anything else is counted in <paramref name="failures"/> by
    /// status code (a 201 not routed as "201 not routed", a transport error by its type) and the loop goes on.
    /// </summary>
    private static async Task<(int Created, List<double> Latencies, TimeSpan Elapsed)> Load(
        HttpClient gateway, Guid customerId, int concurrency, TimeSpan duration, int checkEvery, ConcurrentDictionary<string, int> failures)
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
                try
                {
                    using var response = await gateway.PostAsJsonAsync("api/complaints", new
                    {
                        customerId, channel = "Hotline", type = types[(loop + i) % types.Length], severity = severities[i % severities.Length],
                        productLine = "Ceramic tiles", description = $"Benchmark complaint {loop}-{i}", contactPerson = "王经理",
                    });
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        failures.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, n) => n + 1);
                        continue;
                    }

                    if (i % checkEvery == 0)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        if (body.GetProperty("status").GetString() != "Routed" || body.GetProperty("department").GetString() is null)
                        {
                            failures.AddOrUpdate("201 not routed", 1, (_, n) => n + 1);
                            continue;
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
                {
                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                    continue;
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

    /// <summary>Complaints of the warm-up sweep, on their own database: enough batches for the JIT to tier up the sweep.</summary>
    private const int WarmupComplaints = 2_000;

    private static async Task<List<string>> SweepBenchmark(int count, List<string> failed)
    {
        Console.WriteLine();
        Console.WriteLine($"== Escalation sweep over {count:N0} open complaints on PostgreSQL ==");
        // A Monday, 10:00 in Shanghai.
        var now = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var before = failed.Count;

        // Warm-up: its own database and complaints (another random seed), one catch-up sweep; checked, not counted.
        await using (var warmup = await SweepSetup.CreateAsync("crm_bench_sweep_warmup", now, Math.Min(count, WarmupComplaints), seed: 20260315))
        {
            await TimeSweep(warmup, null, now, $"warm-up, catch-up sweep on a separate database ({warmup.DueBy(now).Complaints:N0} of {warmup.Complaints.Count:N0} due; not counted)", failed);
        }

        var seeding = Stopwatch.StartNew();
        await using var setup = await SweepSetup.CreateAsync("crm_bench_sweep", now, count, seed: 20260316);
        var due = setup.DueBy(now);
        Console.WriteLine($"Seeded {count:N0} open complaints filed over the 20 days before {now:u} ({setup.Started:N0} already taken up, " +
                          $"{due.Complaints:N0} with an escalation step due, {due.Steps:N0} steps) in {seeding.Elapsed.TotalSeconds:F0} s.");

        var lines = new List<string>
        {
            await TimeSweep(setup, null, now, $"catch-up sweep ({due.Complaints:N0} of {count:N0} complaints due)", failed),
        };
        setup.Clock.Advance(TimeSpan.FromHours(1));
        lines.Add(await TimeSweep(setup, now, now.AddHours(1), "routine sweep one hour later", failed));
        lines.Add(await TimeSweep(setup, now.AddHours(1), now.AddHours(1), "sweep with nothing due", failed));

        var verdict = failed.Count == before
            ? "Escalation sweep: answers verified: every sweep took exactly the steps and complaints due by the seeded deadlines, each step once."
            : "Escalation sweep: WRONG ANSWERS (see WRONG ANSWER above).";
        Console.WriteLine(verdict);
        lines.Add(verdict);
        return lines;
    }

    /// <summary>
    /// Times one sweep at the setup's clock, then checks it: it must have escalated exactly the complaints with a step due
    /// in (<paramref name="after"/>, <paramref name="upTo"/>] and taken exactly those steps, and the database must hold
    /// every step due by <paramref name="upTo"/>, each once.
    /// </summary>
    private static async Task<string> TimeSweep(SweepSetup setup, DateTimeOffset? after, DateTimeOffset upTo, string what, List<string> failed)
    {
        var clock = Stopwatch.StartNew();
        var result = await setup.Sweep.SweepAsync(CancellationToken.None);
        clock.Stop();
        var line = $"Escalation sweep over the open complaints on PostgreSQL, {what}: {clock.Elapsed.TotalMilliseconds:N0} ms " +
                   $"({result.Steps:N0} steps on {result.Complaints:N0} complaints in {result.Batches} batches" +
                   (result.Steps > 0 ? $", {result.Steps / clock.Elapsed.TotalSeconds:N0} steps/s)" : ")");
        Console.WriteLine(line);

        var expected = setup.DueBy(upTo, after);
        var cumulative = setup.DueBy(upTo);
        await using var scope = setup.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var escalations = await db.Escalations.CountAsync();
        var distinct = await db.Escalations.Select(e => new { e.ComplaintId, e.Step }).Distinct().CountAsync();
        if (result.Complaints != expected.Complaints || result.Steps != expected.Steps || escalations != cumulative.Steps || distinct != escalations)
        {
            CustomersBenchmarks.Wrong(failed, $"escalation sweep, {what}: took {result.Steps:N0} steps on {result.Complaints:N0} complaints, the database holds " +
                $"{escalations:N0} escalations ({escalations - distinct:N0} taken twice); by the seeded deadlines {expected.Steps:N0} steps on " +
                $"{expected.Complaints:N0} complaints were due, {cumulative.Steps:N0} in all by then.");
        }

        return line;
    }

    /// <summary>
    /// A database of seeded open complaints with the sweep over it on a test clock, and each complaint's escalation moments
    /// as seeded: its first-response at-risk and due instants while it has no first response, and its resolution at-risk,
    /// due and overdue instants (none is paused and none is resolved). A step is due at t when its instant is at or before t.
    /// </summary>
    private sealed class SweepSetup : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required ServiceProvider Services { get; init; }
        public required TestClock Clock { get; init; }
        public required EscalationSweep Sweep { get; init; }
        public required List<DateTimeOffset[]> Complaints { get; init; }
        public required int Started { get; init; }

        public static async Task<SweepSetup> CreateAsync(string name, DateTimeOffset now, int count, int seed)
        {
            var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName(name));
            var connection = database.ConnectionString;
            var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None).AddSimpleConsole())
                .AddDbContext<ComplaintsDbContext, ComplaintsPostgresDbContext>(o => o.UseNpgsql(connection))
                .BuildServiceProvider();
            var clock = new TestClock(now);
            var (moments, started) = await Seed(services, now, count, seed);
            var sweep = new EscalationSweep(services.GetRequiredService<IServiceScopeFactory>(), clock,
                Options.Create(new ComplaintsOptions()), services.GetRequiredService<ILogger<EscalationSweep>>());
            return new SweepSetup { Database = database, Services = services, Clock = clock, Sweep = sweep, Complaints = moments, Started = started };
        }

        /// <summary>The complaints with a step due in (after, upTo], and those steps.</summary>
        public (int Complaints, int Steps) DueBy(DateTimeOffset upTo, DateTimeOffset? after = null)
        {
            var steps = Complaints.Select(c => c.Count(at => at <= upTo && (after is null || at > after))).ToList();
            return (steps.Count(n => n > 0), steps.Sum());
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>
    /// Complaints filed through the domain (numbered, routed, deadlines on the seeded China calendar) at random instants over
    /// the 20 days before <paramref name="now"/>, a third of them already taken up; their timeline rows are left out,
    /// since the sweep never reads them. Returns each complaint's escalation moments as seeded (see <see cref="SweepSetup"/>).
    /// </summary>
    private static async Task<(List<DateTimeOffset[]> Moments, int Started)> Seed(IServiceProvider services, DateTimeOffset now, int count, int seed)
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
        var random = new Random(seed);
        var moments = new List<DateTimeOffset[]>(count);
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
                moments.Add(complaint.FirstRespondedAt is null
                    ? [complaint.FirstResponseAtRiskAt, complaint.FirstResponseDueAt, complaint.ResolutionAtRiskAt, complaint.ResolutionDueAt, complaint.ResolutionOverdueAt]
                    : [complaint.ResolutionAtRiskAt, complaint.ResolutionDueAt, complaint.ResolutionOverdueAt]);
                db.Complaints.Add(complaint);
            }

            await db.SaveChangesAsync();
        }

        return (moments, started);
    }
}
