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
/// Both check their answers after the timing: the import's report and the stored customers against the rows fed (after a
/// warm-up import of other rows, not counted), the funnel's every answer against <see cref="ExpectedFunnel"/>, a plain
/// count over the same rows. A wrong answer prints WRONG ANSWER and the program exits with 1.
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
        var wrong = new List<string>();
        if (args[0] is "customers" or "customers-import")
        {
            summary.AddRange(await ImportBenchmarks(rows, wrong));
        }

        if (args[0] is "customers" or "customers-funnel")
        {
            summary.AddRange(await FunnelBenchmark(customers, wrong));
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine lowers these figures).");
        return Verdict(wrong);
    }

    /// <summary>
    /// Prints every failure again at the end (a WRONG ANSWER or FAILED line each) and returns the exit code: a run with a
    /// wrong answer or a failed request is a failed run, however fast.
    /// </summary>
    internal static int Verdict(List<string> failures)
    {
        if (failures.Count == 0)
        {
            Console.WriteLine("RESULT: OK (answers verified)");
            return 0;
        }

        failures.ForEach(Console.Error.WriteLine);
        Console.WriteLine($"RESULT: FAILED: {failures.Count} failure(s) (WRONG ANSWER / FAILED lines above); the figures are not valid.");
        return 1;
    }

    /// <summary>Records a wrong answer and says so at once.</summary>
    internal static void Wrong(List<string> failures, string what) => Fail(failures, $"WRONG ANSWER: {what}");

    /// <summary>Records a failure (its whole line, prefix included) and prints it at once on the error stream.</summary>
    internal static void Fail(List<string> failures, string line)
    {
        failures.Add(line);
        Console.Error.WriteLine(line);
    }

    /// <summary>Rows of the warm-up file: enough batches of 1,000 for the JIT to tier up the import's code, on other codes.</summary>
    private const int WarmupRows = 2_000;

    private static async Task<List<string>> ImportBenchmarks(int rows, List<string> wrong)
    {
        var csv = GenerateCsv(rows, "BENCH");
        var warmup = GenerateCsv(Math.Min(rows, WarmupRows), "WARMUP");
        Console.WriteLine($"Generated a CSV of {rows:N0} customers ({csv.Bytes.Length / 1024.0 / 1024.0:F1} MiB) and a warm-up CSV of " +
                          $"{warmup.Rows:N0} other customers (codes WARMUP-..., imported first and not counted).");
        var lines = new List<string>();

        var file = Path.Combine(Path.GetTempPath(), $"crm-bench-import-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = new DbContextOptionsBuilder<CustomersSqliteDbContext>().UseSqlite($"Data Source={file}").Options;
            lines.AddRange(await TimeImport("SQLite", () => new CustomersSqliteDbContext(sqlite), csv, warmup, wrong, async db =>
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
            lines.AddRange(await TimeImport("PostgreSQL", () => new CustomersPostgresDbContext(options), csv, warmup, wrong, db => db.Database.MigrateAsync()));
        }

        return lines;
    }

    /// <summary>
    /// A warm-up (the warm-up file imported twice: created, then unchanged), then the measured runs of the benchmark file.
    /// After each run the report must match what was fed, and so must the database, counted with a plain query: the
    /// file's customers by grade, and one grade-history entry each (an unchanged row must add none).
    /// </summary>
    private static async Task<List<string>> TimeImport(
        string provider, Func<CustomersDbContext> context, GeneratedCsv csv, GeneratedCsv warmup, List<string> wrong, Func<CustomersDbContext, Task> prepare)
    {
        await using (var db = context())
        {
            await prepare(db);
        }

        var lines = new List<string>();
        var before = wrong.Count;
        var runs = new (GeneratedCsv File, string Name, bool Created, bool Measured)[]
        {
            (warmup, "warm-up, first import (not counted)", true, false),
            (warmup, "warm-up, same file again (not counted)", false, false),
            (csv, "first import (all created)", true, true),
            (csv, "same file again (all unchanged)", false, true),
        };
        foreach (var (file, run, created, measured) in runs)
        {
            TimeSpan elapsed;
            ImportReport report;
            await using (var db = context())
            {
                var watch = Stopwatch.StartNew();
                report = await ImportExport.ImportAsync(db, new MemoryStream(file.Bytes), "benchmark", TimeProvider.System, CancellationToken.None);
                elapsed = watch.Elapsed;
            }

            var line = $"CSV import into {provider}, {run}: {file.Rows:N0} rows in {elapsed.TotalSeconds:F1} s = {file.Rows / elapsed.TotalSeconds:N0} rows/s " +
                       $"({report.Created:N0} created, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected)";
            Console.WriteLine(line);
            if (measured)
            {
                lines.Add(line);
            }

            // What the import says it did: every row fed is created by the first run and unchanged by the second.
            var (expectCreated, expectUnchanged) = created ? (file.Rows, 0) : (0, file.Rows);
            if (report.Rows != file.Rows || report.Created != expectCreated || report.Updated != 0 || report.Unchanged != expectUnchanged || report.Rejected != 0)
            {
                Wrong(wrong, $"CSV import into {provider}, {run}: the report says {report.Rows:N0} rows, {report.Created:N0} created, {report.Updated:N0} updated, " +
                             $"{report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected; fed {file.Rows:N0} rows, expected {expectCreated:N0} created, " +
                             $"0 updated, {expectUnchanged:N0} unchanged, 0 rejected.");
            }

            // What the database holds, counted independently of the report.
            await using (var db = context())
            {
                var prefix = file.Prefix + "-";
                var stored = (await db.Customers.AsNoTracking().Where(c => c.Code.StartsWith(prefix))
                        .GroupBy(c => c.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                    .ToDictionary(g => g.Key.ToString(), g => g.Count);
                var history = await db.GradeChanges.AsNoTracking()
                    .CountAsync(g => db.Customers.Any(c => c.Id == g.CustomerId && c.Code.StartsWith(prefix)));
                var storedText = GradeCounts(stored);
                var fedText = GradeCounts(file.Grades);
                if (storedText != fedText || history != file.Rows)
                {
                    Wrong(wrong, $"CSV import into {provider}, {run}: the database holds {stored.Values.Sum():N0} customers coded {prefix}... ({storedText}) " +
                                 $"with {history:N0} grade-history entries; fed {file.Rows:N0} ({fedText}), expected one history entry each.");
                }
            }
        }

        var verdict = wrong.Count == before
            ? $"CSV import into {provider}: answers verified: every run's report and the database (customers by grade, one history entry each) match the rows fed."
            : $"CSV import into {provider}: WRONG ANSWERS: {wrong.Count - before} check(s) of the runs do not match the rows fed (see WRONG ANSWER above).";
        Console.WriteLine(verdict);
        lines.Add(verdict);
        return lines;
    }

    private static string GradeCounts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", "ABCDE".Select(g => $"{g} {counts.GetValueOrDefault(g.ToString()):N0}"));

    /// <summary>A generated CSV file: its bytes, its code prefix, its row count and how many of its rows are at each grade.</summary>
    private sealed record GeneratedCsv(byte[] Bytes, string Prefix, int Rows, IReadOnlyDictionary<string, int> Grades);

    private static GeneratedCsv GenerateCsv(int rows, string prefix)
    {
        var kinds = new[] { "Dealer", "SecondaryWholesaler", "Retailer", "EndCustomer", "Group" };
        var grades = new Dictionary<string, int>();
        var builder = new StringBuilder("code,name,kind,region,territory,address,latitude,longitude,phone,ownerId,tier,grade,lastVerifiedAt\n");
        for (var i = 1; i <= rows; i++)
        {
            var region = $"R{i % 20:D2}";
            var grade = "EDCBA"[i % 5].ToString();
            grades[grade] = grades.GetValueOrDefault(grade) + 1;
            builder.Append(CultureInfo.InvariantCulture,
                $"{prefix}-{i:D7},基准客户 Benchmark customer {i},{kinds[i % kinds.Length]},{region},T{i % 7},\"上海市浦东新区张江路 {i % 999} 号, {i % 30} 楼\"," +
                $"{30 + (i % 1000) / 1000.0:F4},{120 + (i % 997) / 1000.0:F4},+86 21 {5000_0000 + i},rep.{i % 500:D3},{(i % 10 == 0 ? "Key" : "Ordinary")},{grade},2026-{1 + i % 12:D2}-15\n");
        }

        return new GeneratedCsv(Encoding.UTF8.GetBytes(builder.ToString()), prefix, rows, grades);
    }

    private static async Task<List<string>> FunnelBenchmark(int customers, List<string> wrong)
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
        // Each measure returns what it shows and its whole answer in a canonical text; the expected answer of the same name
        // is computed after the timing, from the rows themselves (ExpectedFunnel), and every run's answer must equal it.
        var measures = new (string Name, Func<CustomersDbContext, Task<(string Shown, string Answer)>> Run, Func<ExpectedFunnel, string> Expected)[]
        {
            ("funnel now, whole company",
                async db => Rows(await Funnel.CountNow(Funnel.Scope(db, user, null, null), null, default), single: true),
                e => e.Now(_ => true, null)),
            ("funnel now, by region (20 rows)",
                async db => Rows(await Funnel.CountNow(Funnel.Scope(db, user, null, null), "region", default), single: false),
                e => e.Now(_ => true, c => c.Region)),
            ("funnel now, one rep",
                async db => Rows(await Funnel.CountNow(Funnel.Scope(db, user, null, "rep.007"), null, default), single: true),
                e => e.Now(c => c.OwnerId == "rep.007", null)),
            ("funnel 120 days ago (from the history), whole company",
                async db => Rows(await Funnel.CountAt(db, Funnel.Scope(db, user, null, null), pastDate, null, default), single: true),
                e => e.At(pastDate, _ => true, null)),
            ("funnel 120 days ago, by region",
                async db => Rows(await Funnel.CountAt(db, Funnel.Scope(db, user, null, null), pastDate, "region", default), single: false),
                e => e.At(pastDate, _ => true, c => c.Region)),
            ("funnel 120 days ago, one region",
                async db => Rows(await Funnel.CountAt(db, Funnel.Scope(db, user, "R07", null), pastDate, null, default), single: true),
                e => e.At(pastDate, c => c.Region == "R07", null)),
            ("conversion rates over the year, whole company (5 stages)",
                async db =>
                {
                    var rates = await Funnel.MeasureConversions(db, Funnel.Scope(db, user, null, null), yearAgo, now, default);
                    return (string.Join(", ", rates.Select(r => $"{r.Stage} {r.Converted}/{r.Cohort}")),
                        string.Join("; ", rates.Select(r => ExpectedFunnel.Conversion(r.Stage, r.Converted, r.Cohort, r.Rate))));
                },
                e => e.Conversions(yearAgo, now)),
        };
        var answers = new List<(string Name, List<string> Answers, Func<ExpectedFunnel, string> Expected)>();
        foreach (var (name, run, expected) in measures)
        {
            var times = new List<double>();
            var shown = "";
            var runAnswers = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                await using var db = new CustomersPostgresDbContext(options);
                var watch = Stopwatch.StartNew();
                var (text, answer) = await run(db);
                watch.Stop();
                shown = text;
                runAnswers.Add(answer);
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            answers.Add((name, runAnswers, expected));
            var line = $"{name}: median {Stats.Ms(Stats.Median(times))} (runs {string.Join(", ", times.Select(Stats.Ms))}) → {shown}";
            Console.WriteLine(line);
            lines.Add(line);
        }

        // The check, after the timing: every run's answer (the warm-up's too) against a plain count over the same rows.
        var loading = Stopwatch.StartNew();
        var truth = await ExpectedFunnel.LoadAsync(connection);
        var before = wrong.Count;
        foreach (var (name, runAnswers, expected) in answers)
        {
            var answer = expected(truth);
            foreach (var (got, run) in runAnswers.Select((a, i) => (a, i)).Where(x => x.a != answer))
            {
                Wrong(wrong, $"{name}, run {run + 1} of {runAnswers.Count}: got [{got}], a plain count over the same data gives [{answer}].");
            }
        }

        var verdict = wrong.Count == before
            ? $"Funnel: answers verified: each of the {answers.Count} queries, every run, equals a plain LINQ count over the {truth.Customers.Count:N0} customers " +
              $"and {truth.ChangeCount:N0} history rows read back from the database ({loading.Elapsed.TotalSeconds:F0} s)."
            : $"Funnel: WRONG ANSWERS: {wrong.Count - before} run(s) differ from a plain count over the same data (see WRONG ANSWER above).";
        Console.WriteLine(verdict);
        lines.Add(verdict);
        return lines;
    }

    /// <summary>What a run shows (as before: one row's counts, or how many rows) and its whole answer as canonical text.</summary>
    private static (string Shown, string Answer) Rows(IReadOnlyList<FunnelRow> rows, bool single) =>
        (single && rows.Count == 1 ? Describe(rows[0]) : $"{rows.Count} rows",
            string.Join("; ", rows.Select(r => ExpectedFunnel.Row(r.Group, r.A, r.B, r.C, r.D, r.E, r.Total))));

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

/// <summary>
/// The funnel's answers computed the plain way, independently of <see cref="Funnel"/>: every customer and every grade
/// change is read back with a plain SELECT and counted with LINQ to objects. The grade a customer held at a date is the
/// one set by its latest change at or before that date (ordered by time; no use of ValidUntil), if it was registered by
/// then and not deregistered at or before it. A conversion X→Y counts a customer that held X at the period's start or
/// moved to X in the period (the cohort) and, after the first of those, moved to Y or a more mature grade in the period.
/// </summary>
internal sealed class ExpectedFunnel
{
    public sealed record Customer(Guid Id, string Region, string OwnerId, string Grade, string Status, DateTimeOffset RegisteredAt, DateTimeOffset? DeregisteredAt);

    public sealed record Change(long Id, string To, DateTimeOffset ChangedAt);

    private const string Maturity = "EDCBA";

    public required List<Customer> Customers { get; init; }
    public required Dictionary<Guid, List<Change>> History { get; init; }
    public long ChangeCount => History.Values.Sum(h => (long)h.Count);

    public static async Task<ExpectedFunnel> LoadAsync(string connection)
    {
        await using var sql = new NpgsqlConnection(connection);
        await sql.OpenAsync();
        var strings = new Dictionary<string, string>();
        string Shared(string s) => strings.TryGetValue(s, out var known) ? known : strings[s] = s;
        var customers = new List<Customer>();
        await using (var command = new NpgsqlCommand("""SELECT "Id","Region","OwnerId","Grade","Status","RegisteredAt","DeregisteredAt" FROM "Customers" """, sql))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                customers.Add(new Customer(reader.GetGuid(0), Shared(reader.GetString(1)), Shared(reader.GetString(2)), Shared(reader.GetString(3)), Shared(reader.GetString(4)),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }

        var history = new Dictionary<Guid, List<Change>>();
        await using (var command = new NpgsqlCommand("""SELECT "CustomerId","Id","To","ChangedAt" FROM "GradeChanges" """, sql))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var id = reader.GetGuid(0);
                if (!history.TryGetValue(id, out var changes))
                {
                    history[id] = changes = [];
                }

                changes.Add(new Change(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Shared(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        foreach (var changes in history.Values)
        {
            changes.Sort((a, b) => a.ChangedAt != b.ChangedAt ? a.ChangedAt.CompareTo(b.ChangedAt) : a.Id.CompareTo(b.Id));
        }

        return new ExpectedFunnel { Customers = customers, History = history };
    }

    /// <summary>Active customers now (their current grade), optionally grouped.</summary>
    public string Now(Func<Customer, bool> filter, Func<Customer, string>? group) =>
        Count(Customers.Where(c => c.Status == "Active" && filter(c)).Select(c => (group?.Invoke(c) ?? "all", c.Grade)), group is null);

    /// <summary>The grade each customer held at <paramref name="at"/>, counted, optionally grouped by its current region.</summary>
    public string At(DateTimeOffset at, Func<Customer, bool> filter, Func<Customer, string>? group) =>
        Count(Customers.Where(filter).Select(c => (Group: group?.Invoke(c) ?? "all", Grade: GradeAt(c, at))).Where(x => x.Grade is not null).Select(x => (x.Group, x.Grade!)), group is null);

    public string Conversions(DateTimeOffset from, DateTimeOffset to)
    {
        var stages = new[] { ("E", "D"), ("D", "C"), ("C", "B"), ("B", "A"), ("E", "A") };
        var cohort = new int[stages.Length];
        var converted = new int[stages.Length];
        foreach (var customer in Customers)
        {
            // The grades the customer was at in the period, in order: the one held at the start, then each move.
            var path = new List<string>();
            if (GradeAt(customer, from) is { } start)
            {
                path.Add(start);
            }

            path.AddRange(History.GetValueOrDefault(customer.Id, []).Where(c => c.ChangedAt > from && c.ChangedAt <= to).Select(c => c.To));
            for (var s = 0; s < stages.Length; s++)
            {
                var (x, y) = stages[s];
                var first = path.IndexOf(x);
                if (first < 0)
                {
                    continue;
                }

                cohort[s]++;
                if (path.Skip(first + 1).Any(g => Maturity.IndexOf(g, StringComparison.Ordinal) >= Maturity.IndexOf(y, StringComparison.Ordinal)))
                {
                    converted[s]++;
                }
            }
        }

        return string.Join("; ", stages.Select((st, s) => Conversion($"{st.Item1}→{st.Item2}", converted[s], cohort[s],
            cohort[s] == 0 ? null : Math.Round((decimal)converted[s] / cohort[s], 4, MidpointRounding.AwayFromZero))));
    }

    public static string Row(string group, int a, int b, int c, int d, int e, int total) => $"{group}: A {a} B {b} C {c} D {d} E {e} total {total}";

    public static string Conversion(string stage, int converted, int cohort, decimal? rate) =>
        $"{stage} {converted}/{cohort} rate {(rate is { } r ? r.ToString("0.####", CultureInfo.InvariantCulture) : "none")}";

    private string? GradeAt(Customer customer, DateTimeOffset at) =>
        customer.RegisteredAt > at || customer.DeregisteredAt <= at
            ? null
            : History.GetValueOrDefault(customer.Id, []).LastOrDefault(c => c.ChangedAt <= at)?.To;

    /// <summary>Rows by group in ordinal order; without grouping, one "all" row even when nothing is counted.</summary>
    private static string Count(IEnumerable<(string Group, string Grade)> items, bool single)
    {
        var groups = items.GroupBy(i => i.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Count(i => i.Grade == "A"), g.Count(i => i.Grade == "B"), g.Count(i => i.Grade == "C"),
                g.Count(i => i.Grade == "D"), g.Count(i => i.Grade == "E"), g.Count()))
            .ToList();
        return groups.Count == 0 && single ? Row("all", 0, 0, 0, 0, 0, 0) : string.Join("; ", groups);
    }
}
