using Crm.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Benchmarks;

/// <summary>
/// Benchmarks of the Customers service's own code, in process, on real databases (no platform processes needed):
/// <list type="bullet">
/// <item><c>customers-import</c>: the CSV import (<see cref="ImportExport.ImportAsync"/>, exactly what the endpoint runs)
/// of 100,000 customers into a fresh SQLite file and a fresh PostgreSQL database, in rows per second, then the same
/// file again (every row unchanged).</item>
/// <item><c>customers-funnel</c>: 1,000,000 customers with a year of grade history generated in PostgreSQL with
/// generate_series, then the funnel queries (<see cref="Funnel"/>) timed: now, at a past date, by region, and the
/// conversion rates over the year, in milliseconds (median of 3 after a warm-up).</item>
/// </list>
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- customers-import|customers-funnel|customers [--rows N] [--customers N]
/// </summary>
internal static class CustomersBenchmarks
{
    public static bool Handles(string? argument) => argument is "customers" or "customers-import" or "customers-funnel";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkOptions.Named(args, "--rows", 100_000);
        var customers = BenchmarkOptions.Named(args, "--customers", 1_000_000);
        Console.WriteLine($"Crm.Platform Customers benchmarks on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");
        var summary = new List<string>();
        if (args[0] is "customers" or "customers-import")
        {
            summary.AddRange(await ImportBenchmarks(rows));
        }

        if (args[0] is "customers" or "customers-funnel")
        {
            summary.AddRange(await FunnelBenchmark(customers));
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine lowers these figures).");
        return 0;
    }

    private static async Task<List<string>> ImportBenchmarks(int rows)
    {
        var csv = GenerateCsv(rows);
        Console.WriteLine($"Generated a CSV of {rows:N0} customers ({csv.Length / 1024.0 / 1024.0:F1} MiB).");
        var lines = new List<string>();

        var file = Path.Combine(Path.GetTempPath(), $"crm-bench-import-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = new DbContextOptionsBuilder<CustomersSqliteDbContext>().UseSqlite($"Data Source={file}").Options;
            lines.AddRange(await TimeImport("SQLite", () => new CustomersSqliteDbContext(sqlite), csv, rows, async db =>
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }

        await using (var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_import")))
        {
            var options = new DbContextOptionsBuilder<CustomersPostgresDbContext>().UseNpgsql(database.ConnectionString).Options;
            lines.AddRange(await TimeImport("PostgreSQL", () => new CustomersPostgresDbContext(options), csv, rows, db => db.Database.MigrateAsync()));
        }

        return lines;
    }

    private static async Task<List<string>> TimeImport(string provider, Func<CustomersDbContext> context, byte[] csv, int rows, Func<CustomersDbContext, Task> prepare)
    {
        await using (var db = context())
        {
            await prepare(db);
        }

        var lines = new List<string>();
        foreach (var run in new[] { "first import (all created)", "same file again (all unchanged)" })
        {
            await using var db = context();
            var watch = Stopwatch.StartNew();
            var report = await ImportExport.ImportAsync(db, new MemoryStream(csv), "benchmark", TimeProvider.System, CancellationToken.None);
            watch.Stop();
            var expected = run.StartsWith("first", StringComparison.Ordinal) ? report.Created : report.Unchanged;
            if (expected != rows || report.Rejected != 0)
            {
                throw new InvalidOperationException($"{provider} {run}: {report.Created} created, {report.Unchanged} unchanged, {report.Rejected} rejected of {rows}.");
            }

            var line = $"CSV import into {provider}, {run}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s = {rows / watch.Elapsed.TotalSeconds:N0} rows/s";
            Console.WriteLine(line);
            lines.Add(line);
        }

        return lines;
    }

    private static byte[] GenerateCsv(int rows)
    {
        var kinds = new[] { "Dealer", "SecondaryWholesaler", "Retailer", "EndCustomer", "Group" };
        var builder = new StringBuilder("code,name,kind,region,territory,address,latitude,longitude,phone,ownerId,tier,grade,lastVerifiedAt\n");
        for (var i = 1; i <= rows; i++)
        {
            var region = $"R{i % 20:D2}";
            builder.Append(CultureInfo.InvariantCulture,
                $"BENCH-{i:D7},基准客户 Benchmark customer {i},{kinds[i % kinds.Length]},{region},T{i % 7},\"上海市浦东新区张江路 {i % 999} 号, {i % 30} 楼\"," +
                $"{30 + (i % 1000) / 1000.0:F4},{120 + (i % 997) / 1000.0:F4},+86 21 {5000_0000 + i},rep.{i % 500:D3},{(i % 10 == 0 ? "Key" : "Ordinary")},{"EDCBA"[i % 5]},2026-{1 + i % 12:D2}-15\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static async Task<List<string>> FunnelBenchmark(int customers)
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_funnel"));
        var lines = new List<string>();
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 600 }.ConnectionString;
        var options = new DbContextOptionsBuilder<CustomersPostgresDbContext>().UseNpgsql(connection, o => o.CommandTimeout(600)).Options;
        await using (var db = new CustomersPostgresDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var generation = Stopwatch.StartNew();
        var (changes, now) = await GenerateHistory(connection, customers);
        generation.Stop();
        var generated = $"Generated {customers:N0} customers and {changes:N0} grade changes over a year in PostgreSQL in {generation.Elapsed.TotalSeconds:F0} s (generate_series, then ANALYZE).";
        Console.WriteLine(generated);
        lines.Add(generated);

        // The caller is the CRM supervisor: the whole company, as the funnel's heaviest case.
        var user = new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.Subject, "supervisor"), new Claim(PlatformClaims.Role, Roles.CrmSupervisor)], "benchmark")));
        var pastDate = now.AddDays(-120);
        var yearAgo = now.AddDays(-365);
        var measures = new (string Name, Func<CustomersDbContext, Task<string>> Run)[]
        {
            ("funnel now, whole company", async db => Describe((await Funnel.CountNow(Funnel.Scope(db, user, null, null), null, default))[0])),
            ("funnel now, by region (20 rows)", async db => $"{(await Funnel.CountNow(Funnel.Scope(db, user, null, null), "region", default)).Count} rows"),
            ("funnel now, one rep", async db => Describe((await Funnel.CountNow(Funnel.Scope(db, user, null, "rep.007"), null, default))[0])),
            ("funnel 120 days ago (from the history), whole company", async db => Describe((await Funnel.CountAt(db, Funnel.Scope(db, user, null, null), pastDate, null, default))[0])),
            ("funnel 120 days ago, by region", async db => $"{(await Funnel.CountAt(db, Funnel.Scope(db, user, null, null), pastDate, "region", default)).Count} rows"),
            ("funnel 120 days ago, one region", async db => Describe((await Funnel.CountAt(db, Funnel.Scope(db, user, "R07", null), pastDate, null, default))[0])),
            ("conversion rates over the year, whole company (5 stages)", async db =>
                string.Join(", ", (await Funnel.MeasureConversions(db, Funnel.Scope(db, user, null, null), yearAgo, now, default)).Select(r => $"{r.Stage} {r.Converted}/{r.Cohort}"))),
        };
        foreach (var (name, run) in measures)
        {
            var times = new List<double>();
            string result = "";
            for (var i = 0; i < 4; i++)
            {
                await using var db = new CustomersPostgresDbContext(options);
                var watch = Stopwatch.StartNew();
                result = await run(db);
                watch.Stop();
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var line = $"{name}: median {Stats.Ms(Stats.Median(times))} (runs {string.Join(", ", times.Select(Stats.Ms))}) → {result}";
            Console.WriteLine(line);
            lines.Add(line);
        }

        return lines;
    }

    private static string Describe(FunnelRow row) => $"A {row.A:N0}, B {row.B:N0}, C {row.C:N0}, D {row.D:N0}, E {row.E:N0}";

    /// <summary>
    /// Customer i is registered 400 days ago at E in region R(i mod 20), owned by rep.(i mod 500); by i mod 100 it then
    /// climbs 0 (40%), 1 (30%), 2 (15%), 3 (10%) or 4 (5%) grades during the last year, a step every ~60 days; every
    /// 50th customer is deregistered 30 days ago. History ids grow with time within each customer, as the service writes them.
    /// </summary>
    private static async Task<(long Changes, DateTimeOffset Now)> GenerateHistory(string connection, int customers)
    {
        await using var sql = new NpgsqlConnection(connection);
        await sql.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        const string Steps = "(CASE WHEN i % 100 < 40 THEN 0 WHEN i % 100 < 70 THEN 1 WHEN i % 100 < 85 THEN 2 WHEN i % 100 < 95 THEN 3 ELSE 4 END)";
        var statements = new[]
        {
            $"""
             INSERT INTO "Customers" ("Id","Code","Name","Kind","Region","Territory","Address","Phone","OwnerId","Tier","Grade","Status",
                 "DeregisteredAt","DeregistrationReason","CreditLimit","CreditCurrency","RegisteredAt","RegisteredBy","Version")
             SELECT md5(i::text)::uuid, 'BC-' || lpad(i::text, 7, '0'), 'Benchmark customer ' || i, 'Dealer', 'R' || lpad((i % 20)::text, 2, '0'),
                 '', '', '', 'rep.' || lpad((i % 500)::text, 3, '0'), 'Ordinary', substr('EDCBA', {Steps} + 1, 1),
                 CASE WHEN i % 50 = 0 THEN 'Deregistered' ELSE 'Active' END,
                 CASE WHEN i % 50 = 0 THEN @now - interval '30 days' END, CASE WHEN i % 50 = 0 THEN 'Benchmark' END,
                 0, 'CNY', @now - interval '400 days', 'benchmark', 1 + {Steps}
             FROM generate_series(1, @customers) AS i
             """,
            // Step j of customer i (0 = the registration) holds until step j + 1, or until the deregistration, as the service keeps it.
            $"""
             INSERT INTO "GradeChanges" ("CustomerId","From","To","Reason","ChangedBy","ChangedAt","ValidUntil")
             SELECT md5(i::text)::uuid,
                 CASE WHEN j = 0 THEN NULL ELSE substr('EDCBA', j, 1) END, substr('EDCBA', j + 1, 1),
                 CASE WHEN j = 0 THEN 'Registered' ELSE 'Benchmark progress' END, 'benchmark',
                 CASE WHEN j = 0 THEN @now - interval '400 days' ELSE @now - interval '365 days' + make_interval(days => j * 60 + i % 50) END,
                 CASE WHEN j < {Steps} THEN @now - interval '365 days' + make_interval(days => (j + 1) * 60 + i % 50)
                      WHEN i % 50 = 0 THEN @now - interval '30 days' END
             FROM generate_series(1, @customers) AS i CROSS JOIN LATERAL generate_series(0, {Steps}) AS j
             ORDER BY i, j
             """,
            """ANALYZE "Customers"; ANALYZE "GradeChanges";""",
        };
        foreach (var text in statements)
        {
            await using var command = new NpgsqlCommand(text, sql) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("customers", customers);
            await command.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "GradeChanges" """, sql);
        return ((long)(await count.ExecuteScalarAsync())!, now);
    }
}
