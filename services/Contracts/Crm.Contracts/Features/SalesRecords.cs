using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record SalesRow(
    [property: MaxLength(ContractLimits.Code)] string? ProductCode,
    [property: MaxLength(ContractLimits.Region)] string? DeliveredRegion,
    [property: Range(typeof(decimal), "0", "999999999")] decimal? GrossQuantity,
    [property: Range(typeof(decimal), "0", "999999999")] decimal? NetQuantity,
    [property: Range(typeof(decimal), "0", Crm.BuildingBlocks.Money.MaxAmount)] decimal? NetAmount,
    [property: Range(typeof(decimal), "0", "999999999")] decimal? StockQuantity,
    [property: Range(typeof(decimal), "0", "999999999")] decimal? SlowMovingQuantity);

public sealed record SalesMonthRequest([property: MaxLength(ContractLimits.Lines)] IReadOnlyList<SalesRow>? Rows);

/// <param name="Version">The month's version (0 before anything is recorded), also its ETag: a save sends it as If-Match.</param>
public sealed record SalesMonthResponse(Guid CustomerId, string Month, IReadOnlyList<SalesRow> Rows, decimal NetAmount, decimal? PlannedAmount, long Version);

/// <param name="Q">Part of the dealer's name or code.</param>
/// <param name="Id">One dealer, as a link names it.</param>
public sealed record SalesDealersQuery([property: MaxLength(100)] string? Q, Guid? Id, int? Page, int? PageSize);

public sealed record SalesDealer(Guid Id, string Code, string Name, string Region);

public enum SalesImportOutcome { Recorded, Rejected }

public sealed record SalesImportRow(int Row, string? CustomerCode, SalesImportOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors);

public sealed record SalesImportReport(int Rows, int Recorded, int Rejected, int DealerMonths, IReadOnlyList<SalesImportRow> Results);

/// <summary>
/// Sales records (销售记录) per dealer and month, by product and the region the goods went to: gross and net sales, net
/// amount, stock and slow-moving stock. Entered by the dealer's rep, a manager of its region or dealer administration
/// (new role DealerAdministrator), by hand for a month (replacing it whole) or by CSV import with a row-by-row report;
/// a row for the same dealer, month, product and region replaces the earlier one. Each dealer-month recorded publishes
/// SalesRecorded with its net sales against its plan, and its records are checked for cross-region selling at once.
/// A month replaced by hand honours If-Match with the month's version, so two people keying in the same month do not
/// silently overwrite each other.
/// </summary>
public static class SalesRecords
{
    private static readonly string[] Columns = ["customerCode", "month", "productCode", "deliveredRegion", "grossQuantity", "netQuantity", "netAmount", "stockQuantity", "slowMovingQuantity"];

    public static void MapSalesRecords(this RouteGroupBuilder api)
    {
        api.MapGet("/sales-records/dealers", Dealers).WithName("SalesDealers")
            .WithSummary("The active dealers whose sales the caller records, q by name or code, a page at a time: for the rep their own, for managers and dealer administration those of their regions.");
        api.MapGet("/sales-records/{customerId:guid}/{month}", Get).WithName("GetSalesMonth").WithSummary("A dealer's sales records for a month (yyyy-MM) with their total and the plan's amount.");
        api.MapPut("/sales-records/{customerId:guid}/{month}", Put)
            .WithName("PutSalesMonth").WithSummary("Replaces a dealer's sales records for a month (yyyy-MM); publishes SalesRecorded. Honours If-Match.");
        api.MapPost("/sales-records/import", Import)
            .Accepts<string>("text/csv")
            .WithName("ImportSalesRecords")
            .WithSummary($"Imports sales records from CSV (text/csv; columns {string.Join(",", Columns)}), with a row-by-row report; publishes SalesRecorded per dealer-month.");
    }

    /// <summary>
    /// Whom the sales entry offers: dealer administration works on dealers it does not see in Customers (it owns none and
    /// manages no region), so the choice comes from the rule that lets it record their sales.
    /// </summary>
    private static async Task<Results<Ok<PagedResult<SalesDealer>>, ValidationProblem>> Dealers(
        [AsParameters] SalesDealersQuery query, ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(query);
        var (pageNumber, size) = Paging.Check(validation, query.Page, query.PageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var dealers = db.CustomerSnapshots.AsNoTracking()
            .Where(c => c.Kind == CustomerKind.Dealer && c.Status == CustomerStatus.Active)
            .Where(user.SalesRecordable());
        if (query.Id is { } id)
        {
            dealers = dealers.Where(c => c.Id == id);
        }

        if (query.Q?.Trim() is { Length: > 0 } text)
        {
            dealers = dealers.Where(c => c.Name.Contains(text) || c.Code.Contains(text));
        }

        var total = await dealers.CountAsync(cancellationToken);
        var items = await dealers.OrderBy(c => c.Name).ThenBy(c => c.Id).TakePage(pageNumber, size)
            .Select(c => new SalesDealer(c.Id, c.Code, c.Name, c.Region)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<SalesDealer>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<SalesMonthResponse>, NotFound, ValidationProblem>> Get(
        Guid customerId, [MaxLength(7)] string month, ContractsDbContext db, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        if (!SalesMonth.TryParse(month, out var first))
        {
            return new Validation().Add("month", SalesMonth.Rule).ToProblem();
        }

        var customer = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || !(user.MaySee(customer) || user.MayRecordSales(customer)))
        {
            return TypedResults.NotFound();
        }

        var read = await MonthAsync(db, customerId, first, cancellationToken);
        http.Response.SetETag(read.Version);
        return TypedResults.Ok(read);
    }

    private static async Task<Results<Ok<SalesMonthResponse>, ValidationProblem, ProblemHttpResult>> Put(
        Guid customerId, [MaxLength(7)] string month, SalesMonthRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var validation = new Validation().Limits(request);
        if (!SalesMonth.TryParse(month, out var first))
        {
            validation.Add("month", SalesMonth.Rule);
        }

        var catalogue = await db.CatalogueAsync(http.RequestAborted);
        var rows = request.Rows ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is { } row)
            {
                Check(validation, $"rows[{i}].", row, catalogue);
            }
        }

        if (rows.OfType<SalesRow>().GroupBy(r => (r.ProductCode, r.DeliveredRegion?.Trim())).Any(g => g.Count() > 1))
        {
            validation.Add("rows", "Each product and delivery region once per month.");
        }

        var customer = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, http.RequestAborted);
        if (customer is null || !(user.MaySee(customer) || user.MayRecordSales(customer)))
        {
            validation.Add("customerId", "No such customer among those you may work with.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (!user.MayRecordSales(customer!))
        {
            return Refusals.Forbidden("Only the dealer's rep, the managers of its region and dealer administration record its sales.");
        }

        http.Request.EnsureMatches(await db.MonthlySales.Where(m => m.CustomerId == customerId && m.Month == first).Select(m => m.Version).FirstOrDefaultAsync(http.RequestAborted));
        var now = time.GetUtcNow();
        var existing = await db.SalesRecords.Where(r => r.CustomerId == customerId && r.Month == first).ToListAsync(http.RequestAborted);
        db.SalesRecords.RemoveRange(existing);
        var records = rows.OfType<SalesRow>().Select(r => Record(customer!, first, r, user.Id, now)).ToList();
        db.SalesRecords.AddRange(records);
        await RecordMonthAsync(db, customer!, first, records, user.Id, now, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        await CrossRegionControl.DetectAsync(db, records, time, http.RequestAborted);
        var stored = await MonthAsync(db, customerId, first, http.RequestAborted);
        http.Response.SetETag(stored.Version);
        return TypedResults.Ok(stored);
    }

    private static Task<Results<Ok<SalesImportReport>, ValidationProblem>> Import(ContractsDbContext db, CurrentUser user, TimeProvider time, HttpContext http) =>
        ImportAsync(db, http.Request.Body, user, time, http.RequestAborted);

    /// <summary>
    /// The CSV import, exactly as the endpoint runs it (the benchmark times this): every row checked on its own and against
    /// the rows before it, then the accepted rows written 1,000 dealer-months at a time (each batch one transaction with its
    /// records, the months' totals and their SalesRecorded), then the dealer-months touched checked for cross-region selling.
    /// A batch that fails leaves the batches before it recorded; importing the file again replaces them row for row.
    /// </summary>
    public static async Task<Results<Ok<SalesImportReport>, ValidationProblem>> ImportAsync(
        ContractsDbContext db, Stream body, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var catalogue = await db.CatalogueAsync(cancellationToken);
        var parsed = new List<(int Row, string? Code, DateOnly Month, SalesRow Sales, Validation Errors)>();
        await using (var csv = CsvReader.Create(body, CsvReaderOptions.Default with
        {
            Separator = ',', TrimWhitespace = true, SkipEmptyLines = true, NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        }, leaveOpen: true))
        {
            await csv.ReadHeaderAsync(cancellationToken);
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
            var missing = Columns.Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
            if (missing.Count > 0)
            {
                return new Validation().Add("file", $"The header lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", Columns)}.").ToProblem();
            }

            var row = 1;
            while (await csv.ReadAsync(cancellationToken))
            {
                row++;
                var errors = new Validation();
                string Text(string column) => CsvCells.Read(csv.GetStringOrNull(column.ToLowerInvariant()))?.Trim() ?? "";
                decimal? Number(string column)
                {
                    var text = Text(column);
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        return value;
                    }

                    errors.Add(column, "A number, such as 1250 or 1250.50.");
                    return null;
                }

                var code = Text("customerCode");
                if (!SalesMonth.TryParse(Text("month"), out var month))
                {
                    errors.Add("month", SalesMonth.Rule);
                }

                var sales = new SalesRow(Text("productCode"), Text("deliveredRegion"), Number("grossQuantity"), Number("netQuantity"), Number("netAmount"),
                    Number("stockQuantity"), Number("slowMovingQuantity"));
                errors.Limits(sales);
                Check(errors, "", sales, catalogue);
                if (code.Length == 0)
                {
                    errors.Add("customerCode", "Required: the dealer's customer code.");
                }

                parsed.Add((row, code.Length == 0 ? null : code, month, sales, errors));
            }
        }

        var codes = parsed.Where(p => p.Code is not null).Select(p => p.Code!).Distinct().ToList();
        var customers = new Dictionary<string, CustomerSnapshot>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(1_000))
        {
            foreach (var c in await db.CustomerSnapshots.AsNoTracking().Where(c => chunk.Contains(c.Code)).ToListAsync(cancellationToken))
            {
                customers[c.Code] = c;
            }
        }

        // The rule built once for the whole file, not once a row.
        var mayRecordSales = user.SalesRecordable().Compile(preferInterpretation: true);
        var seen = new Dictionary<(string, DateOnly, string?, string?), int>();
        var accepted = new List<(int Row, CustomerSnapshot Customer, DateOnly Month, SalesRow Sales)>();
        var results = new List<SalesImportRow>();
        foreach (var (row, code, month, sales, errors) in parsed)
        {
            var customer = code is not null && customers.TryGetValue(code, out var found) && mayRecordSales(found) ? found : null;
            if (code is not null && customer is null)
            {
                errors.Add("customerCode", "No such dealer among those whose sales you record.");
            }

            if (errors.IsValid && seen.TryGetValue((code!, month, sales.ProductCode, sales.DeliveredRegion), out var first))
            {
                errors.Add("productCode", $"The same dealer, month, product and region is on row {first}.");
            }

            if (!errors.IsValid)
            {
                results.Add(new SalesImportRow(row, code, SalesImportOutcome.Rejected, errors.Errors));
                continue;
            }

            seen[(code!, month, sales.ProductCode, sales.DeliveredRegion)] = row;
            accepted.Add((row, customer!, month, sales));
            results.Add(new SalesImportRow(row, code, SalesImportOutcome.Recorded, new Dictionary<string, string[]>()));
        }

        var now = time.GetUtcNow();
        var dealerMonths = accepted.GroupBy(a => (a.Customer.Id, a.Month), a => (a.Customer, a.Sales)).ToList();
        var recorded = new List<SalesRecord>(accepted.Count);
        foreach (var batch in dealerMonths.Chunk(1_000))
        {
            recorded.AddRange(await db.InTransactionAsync(token => WriteBatchAsync(db, batch, user.Id, now, token), cancellationToken));
            db.ChangeTracker.Clear();
        }

        await CrossRegionControl.DetectAsync(db, recorded, time, cancellationToken);
        return TypedResults.Ok(new SalesImportReport(results.Count, accepted.Count, results.Count - accepted.Count, dealerMonths.Count, results));
    }

    /// <summary>
    /// Records a batch of dealer-months in one transaction: the rows entered again replace the stored ones (deleted, then
    /// inserted anew with the others), and each month's totals are taken from its records as they then stand, which it
    /// returns for the cross-region check.
    /// </summary>
    private static async Task<(bool Commit, List<SalesRecord> Result)> WriteBatchAsync(
        ContractsDbContext db, IReadOnlyList<IGrouping<(Guid Id, DateOnly Month), (CustomerSnapshot Customer, SalesRow Sales)>> batch, string by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var keys = batch.Select(g => g.Key).ToHashSet();
        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var months = keys.Select(k => k.Month).Distinct().ToList();
        var stored = (await db.SalesRecords.AsNoTracking().Where(r => ids.Contains(r.CustomerId) && months.Contains(r.Month)).ToListAsync(cancellationToken))
            .Where(r => keys.Contains((r.CustomerId, r.Month))).ToLookup(r => (r.CustomerId, r.Month));
        var totals = (await db.MonthlySales.Where(m => ids.Contains(m.CustomerId) && months.Contains(m.Month)).ToListAsync(cancellationToken))
            .Where(m => keys.Contains((m.CustomerId, m.Month))).ToDictionary(m => (m.CustomerId, m.Month));
        var plans = (await db.SalesPlans.AsNoTracking().Where(p => ids.Contains(p.CustomerId) && months.Contains(p.Month)).ToListAsync(cancellationToken))
            .Where(p => keys.Contains((p.CustomerId, p.Month))).ToDictionary(p => (p.CustomerId, p.Month), p => p.PlannedAmount());
        var added = new List<SalesRecord>();
        var replaced = new List<Guid>();
        var monthsRecords = new List<SalesRecord>();
        foreach (var group in batch)
        {
            var customer = group.First().Customer;
            var kept = stored[group.Key].ToDictionary(r => (r.ProductCode, r.DeliveredRegion));
            var entered = group.Select(g => Record(customer, group.Key.Month, g.Sales, by, now)).ToList();
            foreach (var record in entered)
            {
                if (kept.Remove((record.ProductCode, record.DeliveredRegion), out var old))
                {
                    replaced.Add(old.Id);
                }
            }

            added.AddRange(entered);
            if (!totals.TryGetValue(group.Key, out var total))
            {
                total = MonthlySales.Start(customer.Id, group.Key.Month);
                db.MonthlySales.Add(total);
            }

            List<SalesRecord> month = [.. kept.Values, .. entered];
            total.Record(customer.Region, customer.OwnerId, month, plans.TryGetValue(group.Key, out var planned) ? planned : null, by, now);
            monthsRecords.AddRange(month);
        }

        foreach (var chunk in replaced.Chunk(5_000))
        {
            await db.SalesRecords.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await db.InsertInBulkAsync(added, cancellationToken);
        await db.SaveChangesInBulkAsync(cancellationToken);
        return (true, monthsRecords);
    }

    /// <summary>A row's own rules: a catalogue product, a delivery region, every quantity given, net sales within gross.</summary>
    private static void Check(Validation validation, string prefix, SalesRow row, IReadOnlyDictionary<string, Product> catalogue)
    {
        if (row.ProductCode is null || !catalogue.ContainsKey(row.ProductCode))
        {
            validation.Add($"{prefix}productCode", "A product of the catalogue.");
        }

        validation.Required($"{prefix}deliveredRegion", row.DeliveredRegion)
            .NotNull($"{prefix}grossQuantity", row.GrossQuantity).NotNull($"{prefix}netQuantity", row.NetQuantity).NotNull($"{prefix}netAmount", row.NetAmount)
            .NotNull($"{prefix}stockQuantity", row.StockQuantity).NotNull($"{prefix}slowMovingQuantity", row.SlowMovingQuantity);
        if (row.NetQuantity > row.GrossQuantity)
        {
            validation.Add($"{prefix}netQuantity", "Net sales (净销量) cannot exceed gross sales (毛销量).");
        }

        if (row.SlowMovingQuantity > row.StockQuantity)
        {
            validation.Add($"{prefix}slowMovingQuantity", "Slow-moving stock (滞销量) is part of the stock (存销量).");
        }
    }

    internal static SalesRecord Record(CustomerSnapshot customer, DateOnly month, SalesRow row, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        CustomerId = customer.Id,
        Region = customer.Region,
        OwnerId = customer.OwnerId,
        Month = month,
        ProductCode = row.ProductCode!,
        DeliveredRegion = row.DeliveredRegion!.Trim(),
        GrossQuantity = row.GrossQuantity!.Value,
        NetQuantity = row.NetQuantity!.Value,
        NetAmount = row.NetAmount!.Value,
        StockQuantity = row.StockQuantity!.Value,
        SlowMovingQuantity = row.SlowMovingQuantity!.Value,
        RecordedBy = by,
        RecordedAt = at,
    };

    private static async Task RecordMonthAsync(ContractsDbContext db, CustomerSnapshot customer, DateOnly month, IReadOnlyCollection<SalesRecord> records,
        string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var totals = await db.MonthlySales.FirstOrDefaultAsync(m => m.CustomerId == customer.Id && m.Month == month, cancellationToken);
        if (totals is null)
        {
            totals = MonthlySales.Start(customer.Id, month);
            db.MonthlySales.Add(totals);
        }

        var plan = await db.SalesPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customer.Id && p.Month == month, cancellationToken);
        totals.Record(customer.Region, customer.OwnerId, records, plan?.PlannedAmount(), by, at);
    }

    private static async Task<SalesMonthResponse> MonthAsync(ContractsDbContext db, Guid customerId, DateOnly month, CancellationToken cancellationToken)
    {
        var rows = await db.SalesRecords.AsNoTracking().Where(r => r.CustomerId == customerId && r.Month == month)
            .OrderBy(r => r.ProductCode).ThenBy(r => r.DeliveredRegion).ToListAsync(cancellationToken);
        var plan = await db.SalesPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId && p.Month == month, cancellationToken);
        var version = await db.MonthlySales.Where(m => m.CustomerId == customerId && m.Month == month).Select(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        return new SalesMonthResponse(customerId, SalesMonth.Text(month),
            rows.Select(r => new SalesRow(r.ProductCode, r.DeliveredRegion, r.GrossQuantity, r.NetQuantity, r.NetAmount, r.StockQuantity, r.SlowMovingQuantity)).ToList(),
            rows.Sum(r => r.NetAmount), plan?.PlannedAmount(), version);
    }
}
