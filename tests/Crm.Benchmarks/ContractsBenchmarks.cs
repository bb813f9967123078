using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Crm.Benchmarks.CustomersBenchmarks;

namespace Crm.Benchmarks;

/// <summary>
/// Benchmarks of the Contracts service's sales records, in process, on a fresh SQLite file and a fresh PostgreSQL
/// database each (no platform processes needed):
/// <list type="bullet">
/// <item><c>contracts-import</c>: the CSV import of sales records (<see cref="SalesRecords.ImportAsync"/>, exactly what the
/// endpoint runs, its cross-region check included) of 100,000 rows: 2,000 dealers with a signed contract each, 12 months,
/// 4 or 5 products a month; first import (all recorded), then the same file again (every row replaced). Rows per second.</item>
/// <item><c>contracts-detect</c>: the cross-region (窜货) and price detection (<see cref="CrossRegionControl.DetectAsync"/>)
/// over those 12 months of records of 2,000 dealers, after removing the alerts the import raised, in seconds.</item>
/// </list>
/// The data plants known breaches: every 100th dealer delivers one month's bathroom cabinets into a region another dealer
/// holds exclusively (two alerts: outside its authority, inside the other's exclusivity), and every 150th sells one month's
/// wall tiles below the floor price (one alert). After each timing the answers are checked against the generated data:
/// the import's report, the records' count and net amount, the monthly totals and their SalesRecorded rows in the outbox,
/// and the alerts by kind. A wrong answer prints WRONG ANSWER and the program exits with 1.
/// Usage: dotnet run -c Release --project tests/Crm.Benchmarks -- contracts|contracts-import|contracts-detect [--dealers N]
/// </summary>
internal static class ContractsBenchmarks
{
    private const int Months = 12;
    private const int Year = 2026;

    public static bool Handles(string? argument) => argument is "contracts" or "contracts-import" or "contracts-detect";

    public static async Task<int> RunAsync(string[] args)
    {
        var dealers = BenchmarkOptions.Named(args, "--dealers", 2_000);
        Console.WriteLine($"Crm.Platform Contracts benchmarks on {Environment.ProcessorCount} cores; load average {Stats.LoadAverage()}.");
        var data = Generate(dealers, "BENCH");
        var warmup = Generate(50, "WARMUP");
        Console.WriteLine($"Generated {data.Rows:N0} sales-record rows for {dealers:N0} dealers over {Months} months ({data.Csv.Length / 1024.0 / 1024.0:F1} MiB of CSV), " +
                          $"with {data.ExpectedAlerts.Values.Sum()} planted breaches; a warm-up file of {warmup.Rows:N0} rows for 50 other dealers is imported first and not counted.");
        var summary = new List<string>();
        var wrong = new List<string>();

        var file = Path.Combine(Path.GetTempPath(), $"crm-bench-sales-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = new DbContextOptionsBuilder<ContractsSqliteDbContext>().UseSqlite($"Data Source={file}").Options;
            summary.AddRange(await Run(args[0], "SQLite", () => new ContractsSqliteDbContext(sqlite), data, warmup, wrong, async db =>
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

        await using (var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bench_sales")))
        {
            var options = new DbContextOptionsBuilder<ContractsPostgresDbContext>().UseNpgsql(database.ConnectionString).Options;
            summary.AddRange(await Run(args[0], "PostgreSQL", () => new ContractsPostgresDbContext(options), data, warmup, wrong, db => db.Database.MigrateAsync()));
        }

        Console.WriteLine();
        Console.WriteLine("==================================== Summary ====================================");
        summary.ForEach(Console.WriteLine);
        Console.WriteLine("Targets: import ≥ 20,000 rows/s on PostgreSQL; detection over 12 months of 2,000 dealers under 5 s.");
        Console.WriteLine($"Load average at end {Stats.LoadAverage()} (other work on the machine lowers these figures).");
        return Verdict(wrong);
    }

    /// <summary>The CRM supervisor, who records any dealer's sales.</summary>
    private static readonly CurrentUser Supervisor = new(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(PlatformClaims.Subject, "supervisor"), new Claim(PlatformClaims.Role, Roles.Admin)], "benchmark")));

    private static async Task<List<string>> Run(string which, string provider, Func<ContractsDbContext> context, Generated data, Generated warmup, List<string> wrong,
        Func<ContractsDbContext, Task> prepare)
    {
        await using (var db = context())
        {
            await prepare(db);
        }

        var setup = Stopwatch.StartNew();
        await Seed(context, warmup);
        await Seed(context, data);
        Console.WriteLine($"{provider}: {data.Dealers + warmup.Dealers:N0} dealers with a signed contract each set up in {setup.Elapsed.TotalSeconds:F0} s.");
        var lines = new List<string>();

        // The warm-up file twice (recorded, then replaced), so that the JIT and EF's query cache are warm; not counted.
        foreach (var run in new[] { "warm-up, first import", "warm-up, same file again" })
        {
            await using var db = context();
            await Import(db, warmup, provider, run, wrong);
        }

        foreach (var run in new[] { "first import (all recorded)", "same file again (all replaced)" })
        {
            TimeSpan elapsed;
            await using (var db = context())
            {
                elapsed = await Import(db, data, provider, run, wrong);
            }

            var line = $"Sales-record CSV import into {provider}, {run}: {data.Rows:N0} rows in {elapsed.TotalSeconds:F1} s = {data.Rows / elapsed.TotalSeconds:N0} rows/s" +
                       (provider == "PostgreSQL" ? " (target ≥ 20,000 rows/s)" : "");
            Console.WriteLine(line);
            await using (var db = context())
            {
                await CheckStored(db, data, provider, run, replaced: run.StartsWith("same", StringComparison.Ordinal), wrong);
            }

            if (which is "contracts" or "contracts-import")
            {
                lines.Add(line);
            }
        }

        if (which is "contracts" or "contracts-detect")
        {
            lines.Add(await Detect(context, data, provider, wrong));
        }

        return lines;
    }

    private static async Task<TimeSpan> Import(ContractsDbContext db, Generated data, string provider, string run, List<string> wrong)
    {
        var watch = Stopwatch.StartNew();
        var result = await SalesRecords.ImportAsync(db, new MemoryStream(data.Csv), Supervisor, TimeProvider.System, CancellationToken.None);
        var elapsed = watch.Elapsed;
        if (result.Result is not Ok<SalesImportReport> { Value: { } report })
        {
            Wrong(wrong, $"Sales-record import into {provider}, {run}: the file was refused as a whole.");
            return elapsed;
        }

        if (report.Rows != data.Rows || report.Recorded != data.Rows || report.Rejected != 0 || report.DealerMonths != data.Dealers * Months)
        {
            Wrong(wrong, $"Sales-record import into {provider}, {run}: the report says {report.Rows:N0} rows, {report.Recorded:N0} recorded, {report.Rejected:N0} rejected, " +
                         $"{report.DealerMonths:N0} dealer-months; fed {data.Rows:N0} rows over {data.Dealers * Months:N0} dealer-months, none to reject.");
        }

        return elapsed;
    }

    /// <summary>What the database holds for the generated dealers, counted with plain queries, against what was fed.</summary>
    private static async Task CheckStored(ContractsDbContext db, Generated data, string provider, string run, bool replaced, List<string> wrong)
    {
        var ids = data.Customers.Select(c => c.Id).ToList();
        var records = await db.SalesRecords.AsNoTracking().Where(r => ids.Contains(r.CustomerId)).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Net = g.Sum(r => r.NetAmount) }).SingleAsync();
        var totals = await db.MonthlySales.AsNoTracking().Where(m => ids.Contains(m.CustomerId)).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Net = g.Sum(m => m.NetAmount), Versions = g.Sum(m => m.Version) }).SingleAsync();
        var published = await db.OutboxMessages.AsNoTracking().CountAsync(m => m.MessageType == typeof(SalesRecorded).FullName);
        var runs = replaced ? 2 : 1;
        var dealerMonths = data.Dealers * Months;
        // The warm-up file's two imports published theirs too.
        var expectedPublished = (dealerMonths * runs) + (50 * Months * 2);
        if (records.Count != data.Rows || records.Net != data.NetAmount || totals.Count != dealerMonths || totals.Net != data.NetAmount
            || totals.Versions != dealerMonths * runs || published != expectedPublished)
        {
            Wrong(wrong, $"Sales-record import into {provider}, {run}: the database holds {records.Count:N0} records of {records.Net:N2} CNY net and {totals.Count:N0} monthly totals " +
                         $"of {totals.Net:N2} CNY (versions {totals.Versions:N0}), with {published:N0} SalesRecorded in the outbox; fed {data.Rows:N0} rows of {data.NetAmount:N2} CNY " +
                         $"over {dealerMonths:N0} dealer-months, expected versions {dealerMonths * runs:N0} and {expectedPublished:N0} SalesRecorded.");
        }
        else
        {
            Console.WriteLine($"  verified: {records.Count:N0} records of {records.Net:N2} CNY, {totals.Count:N0} monthly totals, {published:N0} SalesRecorded, as fed.");
        }

        await CheckAlerts(db, data, provider, run, wrong);
    }

    private static async Task<string> Detect(Func<ContractsDbContext> context, Generated data, string provider, List<string> wrong)
    {
        await using (var db = context())
        {
            await db.CrossRegionAlerts.ExecuteDeleteAsync();
        }

        var year = (First: new DateOnly(Year, 1, 1), Last: new DateOnly(Year, Months, 1));
        TimeSpan elapsed;
        int raised;
        await using (var db = context())
        {
            var watch = Stopwatch.StartNew();
            raised = await CrossRegionControl.DetectAsync(db, db.SalesRecords.Where(r => r.Month >= year.First && r.Month <= year.Last), TimeProvider.System, CancellationToken.None);
            elapsed = watch.Elapsed;
        }

        var line = $"窜货 and price detection on {provider} over {Months} months of {data.Dealers:N0} dealers' records ({data.Rows:N0} rows, and the warm-up's): " +
                   $"{elapsed.TotalSeconds:F2} s, {raised} alerts raised (target under 5 s)";
        Console.WriteLine(line);
        await using (var db = context())
        {
            await CheckAlerts(db, data, provider, "detection", wrong);
        }

        return line;
    }

    private static async Task CheckAlerts(ContractsDbContext db, Generated data, string provider, string run, List<string> wrong)
    {
        var ids = data.Customers.Select(c => c.Id).ToList();
        var alerts = (await db.CrossRegionAlerts.AsNoTracking().Where(a => ids.Contains(a.CustomerId))
                .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count);
        var expected = string.Join(", ", data.ExpectedAlerts.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"));
        var found = string.Join(", ", Enum.GetValues<CrossRegionKind>().Where(alerts.ContainsKey).Select(k => $"{k} {alerts[k]}"));
        if (expected != found)
        {
            Wrong(wrong, $"{run} on {provider}: the alerts on the generated dealers are {found}; the data plants {expected}.");
        }
    }

    /// <summary>Customers, templates and signed contracts for the generated dealers, through the domain like any contract.</summary>
    private static async Task Seed(Func<ContractsDbContext> context, Generated data)
    {
        var at = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-20);
        var template = ContractTemplate.Standard(at);
        foreach (var batch in data.Customers.Chunk(500))
        {
            await using var db = context();
            db.CustomerSnapshots.AddRange(batch.Select(c => new CustomerSnapshot
            {
                Id = c.Id, Code = c.Code, Name = c.Code, Kind = CustomerKind.Dealer, Region = c.Region, OwnerId = "rep.bench", Tier = CustomerTier.Ordinary,
                Grade = CustomerGrade.A, Status = CustomerStatus.Active, Version = 1,
            }));
            foreach (var c in batch)
            {
                var terms = template.Draft(c.Code, "") with
                {
                    Authority = new BusinessAuthority("一级经销商", c.Exclusive ? DistributionKind.Exclusive : DistributionKind.General, c.Regions, ["TILE", "SANITARY"],
                        new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31)),
                    Signing = new SigningTerms("上海", new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31)),
                };
                var contract = Contract.Draft($"CT-BENCH-{c.Code}", c.Id, c.Code, c.Region, "rep.bench", "Benchmark agreement", template, terms, "rep.bench", at);
                contract.Submit([new ApprovalStep(Roles.BranchManager, "Every contract")], new CreditCheck(false, null, 0, 0, "CNY"), "rep.bench", at);
                contract.Decide(ContractDecisionKind.Approve, Roles.BranchManager, null, "manager.bench", at);
                contract.Sign(new Signature(DateOnly.FromDateTime(at.UtcDateTime), "上海", "黄涛", "王建国", "custodian", "rep.bench", at), "benchmark", "benchmark", at);
                db.Contracts.Add(contract);
            }

            await db.SaveChangesAsync();
        }
    }

    private sealed record Dealer(Guid Id, string Code, string Region, IReadOnlyList<string> Regions, bool Exclusive);

    private sealed record Generated(byte[] Csv, int Rows, int Dealers, decimal NetAmount, IReadOnlyList<Dealer> Customers, IReadOnlyDictionary<CrossRegionKind, int> ExpectedAlerts);

    /// <summary>
    /// Dealer i is in region R(i mod 20) with general authority there, except every 100th from the 50th on, which is in
    /// a region of its own, Z(i/100), with exclusive authority there. A dealer-month has 4 rows (tiles and sanitary ware in its
    /// region at list-like prices), a fifth (bathroom cabinets) for a sixth of them; every 100th dealer sends that fifth
    /// row in month (i/100 mod 12)+1 into Z(i/100) instead, and every 150th sells wall tiles below the floor price in its
    /// month (i mod 12)+1.
    /// </summary>
    private static Generated Generate(int dealers, string prefix)
    {
        var customers = Enumerable.Range(0, dealers).Select(i =>
        {
            var exclusive = i % 100 == 50;
            var region = exclusive ? $"Z{i / 100:D2}" : $"R{i % 20:D2}";
            return new Dealer(Guid.CreateVersion7(), $"{prefix}-{i:D5}", region, [region], exclusive);
        }).ToList();
        var csv = new StringBuilder("customerCode,month,productCode,deliveredRegion,grossQuantity,netQuantity,netAmount,stockQuantity,slowMovingQuantity\n");
        var rows = 0;
        var net = 0m;
        var alerts = new Dictionary<CrossRegionKind, int>();
        void Add(CrossRegionKind kind) => alerts[kind] = alerts.GetValueOrDefault(kind) + 1;
        for (var i = 0; i < dealers; i++)
        {
            var dealer = customers[i];
            for (var m = 1; m <= Months; m++)
            {
                var quantity = 100 + ((i + m) % 50);
                var belowFloor = i % 150 == 0 && m == (i % 12) + 1;
                var lines = new List<(string Product, string Region, decimal Price)>
                {
                    ("TL-600", dealer.Region, 62m), ("TL-800", dealer.Region, 90m), ("WT-300", dealer.Region, belowFloor ? 30m : 42m), ("SW-101", dealer.Region, 3_000m),
                };
                if (belowFloor)
                {
                    Add(CrossRegionKind.BelowFloorPrice);
                }

                if ((i * Months + m) % 6 == 0 || (i % 100 == 0 && m == ((i / 100) % 12) + 1))
                {
                    var intoExclusive = i % 100 == 0 && m == ((i / 100) % 12) + 1 && i / 100 * 100 + 50 < dealers;
                    lines.Add(("SW-205", intoExclusive ? $"Z{i / 100:D2}" : dealer.Region, 2_000m));
                    if (intoExclusive)
                    {
                        Add(CrossRegionKind.OutsideAuthority);
                        Add(CrossRegionKind.ExclusiveRegion);
                    }
                }

                foreach (var (product, region, price) in lines)
                {
                    var amount = quantity * price;
                    csv.Append(CultureInfo.InvariantCulture, $"{dealer.Code},{Year}-{m:D2},{product},{region},{quantity + 10},{quantity},{amount},{40 + (i % 7)},{i % 5}\n");
                    rows++;
                    net += amount;
                }
            }
        }

        return new Generated(Encoding.UTF8.GetBytes(csv.ToString()), rows, dealers, net, customers, alerts);
    }
}
