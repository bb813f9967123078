using System.Globalization;
using System.Reflection;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public enum ImportOutcome { Created, Updated, Unchanged, Rejected }

/// <summary>One CSV row's result. <see cref="Row"/> is the line's record number in the file: the header is 1.</summary>
public sealed record ImportRowResult(int Row, string? Code, ImportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRowResult> Results);

/// <summary>
/// CSV import (upsert by code) and export of the customer database, both for the CRM supervisor and admins.
/// Import: every row is checked like a registration; a bad row is reported and skipped, good rows land; a row equal to
/// the stored card changes nothing, so re-running a file is harmless. Rows are saved a batch at a time (with their
/// grade history, events and audit lines in the same transaction); if a batch fails as a whole (someone registered the
/// same code meanwhile), its rows are retried one by one so that only the row at fault is rejected.
/// The columns: code, name, kind, region, territory, address, latitude, longitude, phone, ownerId, tier, grade,
/// lastVerifiedAt (export adds status and creditLimit, which import ignores: they change only through their own
/// commands, with a reason). Export neutralises text cells that a spreadsheet would run as formulas (<see cref="CsvCells"/>)
/// and import reverses it, so an export re-imported is all unchanged.
/// </summary>
public static class ImportExport
{
    public const int BatchSize = 1000;

    private static readonly string[] Columns =
        ["code", "name", "kind", "region", "territory", "address", "latitude", "longitude", "datum", "phone", "ownerId", "tier", "grade", "lastVerifiedAt"];

    private static readonly string[] RequiredColumns = ["code", "name", "kind", "region", "ownerId"];

    public static void MapImportExport(this RouteGroupBuilder api)
    {
        api.MapPost("/import", Import)
            .WithName("ImportCustomers")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary("Imports customers from CSV (text/csv body or a multipart file), upserting by code, with a row-by-row report. CRM supervisor or admin only.")
            .Accepts<string>("text/csv", "multipart/form-data")
            .DisableAntiforgery();
        api.MapGet("/export", Export)
            .WithName("ExportCustomers")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary("Exports the filtered customers as CSV (same filters as the list). CRM supervisor or admin only; audited.");
    }

    private static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        Stream body;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form.Files.Count == 0)
            {
                return new Validation().Add("file", "Attach the CSV file.").ToProblem();
            }

            body = form.Files[0].OpenReadStream();
        }
        else
        {
            body = http.Request.Body;
        }

        await using (body)
        {
            try
            {
                var report = await ImportAsync(db, body, user.Id, time, http.RequestAborted);
                return TypedResults.Ok(report);
            }
            catch (CsvFileException ex)
            {
                return new Validation().Add("file", ex.Message).ToProblem();
            }
        }
    }

    /// <summary>Imports a CSV stream as <paramref name="userId"/>. Public for the benchmark, which times exactly this.</summary>
    public static async Task<ImportReport> ImportAsync(
        CustomersDbContext db, Stream csvStream, string userId, TimeProvider time, CancellationToken cancellationToken)
    {
        // CsvHelper 34 (the span-based rewrite): RFC 4180, UTF-8 (a byte order mark is honoured), headers matched
        // case-insensitively, short rows read as empty fields so that each missing value is reported on its row.
        await using var csv = CsvHelper.CsvReader.Create(csvStream, CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        }, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        if (header.Count == 0)
        {
            throw new CsvFileException("The file is empty: it needs a header line and rows.");
        }

        var missing = RequiredColumns.Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
        if (missing.Count > 0)
        {
            throw new CsvFileException($"The header lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", Columns)}.");
        }

        var present = Columns.Where(c => header.Contains(c.ToLowerInvariant())).ToHashSet();
        var results = new List<ImportRowResult>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<ParsedRow>(BatchSize);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                var row = Parse(csv, present);
                if (row.Code is { } code && row.Errors.IsValid)
                {
                    if (seen.TryGetValue(code, out var first))
                    {
                        row.Errors.Add("code", $"The same code is on row {first}; each customer once per file.");
                    }
                    else
                    {
                        seen[code] = row.Row;
                    }
                }

                if (!row.Errors.IsValid)
                {
                    results.Add(new ImportRowResult(row.Row, row.Code, ImportOutcome.Rejected, row.Errors.Errors));
                    continue;
                }

                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    results.AddRange(await SaveBatch(db, batch, userId, time, cancellationToken));
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                results.AddRange(await SaveBatch(db, batch, userId, time, cancellationToken));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        results.Sort((a, b) => a.Row.CompareTo(b.Row));
        var report = new ImportReport(results.Count,
            results.Count(r => r.Outcome == ImportOutcome.Created), results.Count(r => r.Outcome == ImportOutcome.Updated),
            results.Count(r => r.Outcome == ImportOutcome.Unchanged), results.Count(r => r.Outcome == ImportOutcome.Rejected), results);
        db.Audit(userId, AuditActions.Imported, null,
            new { rows = report.Rows, created = report.Created, updated = report.Updated, unchanged = report.Unchanged, rejected = report.Rejected }, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static async Task<List<ImportRowResult>> SaveBatch(
        CustomersDbContext db, List<ParsedRow> rows, string userId, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var results = await Stage(db, rows, userId, time, cancellationToken);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return results;
        }
        catch (DbUpdateException) when (rows.Count > 1)
        {
            db.ChangeTracker.Clear();
            var results = new List<ImportRowResult>();
            foreach (var row in rows)
            {
                results.AddRange(await SaveBatch(db, [row], userId, time, cancellationToken));
            }

            return results;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            var row = rows[0];
            return [new ImportRowResult(row.Row, row.Code, ImportOutcome.Rejected,
                new Dictionary<string, string[]> { ["code"] = [$"Could not be saved: {ex.InnerException?.Message ?? ex.Message}"] })];
        }
    }

    private static async Task<List<ImportRowResult>> Stage(
        CustomersDbContext db, List<ParsedRow> rows, string userId, TimeProvider time, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code!).ToList();
        var existing = await db.Customers.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        var results = new List<ImportRowResult>(rows.Count);
        foreach (var row in rows)
        {
            var profile = row.Profile.ToProfile();
            if (!existing.TryGetValue(row.Code!, out var customer))
            {
                customer = Customer.Register(row.Code!, profile, row.OwnerId!, row.Grade ?? CustomerGrade.E, userId, now, row.LastVerifiedAt, source: $"CSV row {row.Row}");
                db.Customers.Add(customer);
                results.Add(new ImportRowResult(row.Row, row.Code, ImportOutcome.Created, null));
                continue;
            }

            var differs = customer.Profile != profile || customer.OwnerId != row.OwnerId || (row.Grade is { } g && g != customer.Grade);
            if (!differs)
            {
                results.Add(new ImportRowResult(row.Row, row.Code, ImportOutcome.Unchanged, null));
                continue;
            }

            if (customer.Status == CustomerStatus.Deregistered)
            {
                results.Add(new ImportRowResult(row.Row, row.Code, ImportOutcome.Rejected,
                    new Dictionary<string, string[]> { ["code"] = [$"Customer {row.Code} is deregistered; its card can no longer change."] }));
                continue;
            }

            customer.Update(profile, row.OwnerId!, userId, now, source: $"CSV row {row.Row}");
            if (row.Grade is { } grade && customer.ChangeGrade(grade, $"Imported from CSV (row {row.Row})", userId, now) is not null)
            {
                db.GradeChanges.Add(customer.GradeHistory[^1]);
            }

            results.Add(new ImportRowResult(row.Row, row.Code, ImportOutcome.Updated, null));
        }

        return results;
    }

    private static ParsedRow Parse(CsvHelper.CsvReader csv, HashSet<string> present)
    {
        var validation = new Validation();
        string? Field(string name) => present.Contains(name) && CsvCells.Read(csv.GetStringOrNull(name)) is { Length: > 0 } value ? value : null;

        var code = Field("code");
        validation.Required("code", code).MaxLength("code", code, CustomerLimits.Code);
        var ownerId = Field("ownerId");
        validation.Required("ownerId", ownerId).MaxLength("ownerId", ownerId, CustomerLimits.UserId);
        var profile = new ProfileInput(
            Field("name"), validation.EnumName<CustomerKind>("kind", Field("kind")), Field("region"), Field("territory"), Field("address"),
            Number(validation, "latitude", Field("latitude")), Number(validation, "longitude", Field("longitude")), Field("phone"),
            validation.EnumName<CustomerTier>("tier", Field("tier")), validation.EnumName<CoordinateDatum>("datum", Field("datum")));
        profile.Check(validation);
        var grade = validation.EnumName<CustomerGrade>("grade", Field("grade"));
        DateTimeOffset? verified = null;
        if (Field("lastVerifiedAt") is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                verified = parsed.ToUniversalTime();
            }
            else
            {
                validation.Add("lastVerifiedAt", "Not a date (use 2026-03-01 or ISO 8601).");
            }
        }

        // RowNumber counts data records from 1; the report numbers records as a spreadsheet shows them, header = 1.
        return new ParsedRow((int)csv.RowNumber + 1, code?.Trim(), ownerId?.Trim(), profile, grade, verified, validation);
    }

    private static double? Number(Validation validation, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        validation.Add(field, "Not a number.");
        return null;
    }

    private static async Task<Results<CsvFile, ValidationProblem>> Export(
        [AsParameters] ListCustomersQuery query, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(query);
        var filter = CustomerFilter.Parse(query, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var customers = filter.Apply(db.Customers.AsNoTracking().VisibleTo(user), db);
        var count = await customers.CountAsync(http.RequestAborted);
        db.Audit(user, AuditActions.Exported, null, new { count, filter }, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return new CsvFile(customers.OrderBy(c => c.Code));
    }

    /// <summary>The export streamed row by row; declared as text/csv so the OpenAPI document shows what a 200 is.</summary>
    private sealed class CsvFile(IQueryable<Customer> customers) : IResult, IEndpointMetadataProvider
    {
        public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"customers.csv\"";
            await using var csv = CsvWriter.Create(httpContext.Response.Body, CsvWriterOptions.Default, leaveOpen: true);
            csv.WriteHeader([.. Columns, "status", "creditLimit"]);
            await foreach (var c in customers.AsAsyncEnumerable().WithCancellation(httpContext.RequestAborted))
            {
                await csv.WriteRecordAsync(
                [
                    CsvCells.Text(c.Code), CsvCells.Text(c.Name), c.Kind.ToString(), CsvCells.Text(c.Region), CsvCells.Text(c.Territory), CsvCells.Text(c.Address),
                    c.Latitude?.ToString("R", CultureInfo.InvariantCulture), c.Longitude?.ToString("R", CultureInfo.InvariantCulture), c.Datum.ToString(),
                    CsvCells.Text(c.Phone), CsvCells.Text(c.OwnerId), c.Tier.ToString(), c.Grade.ToString(), c.LastVerifiedAt?.ToString("O", CultureInfo.InvariantCulture),
                    c.Status.ToString(), c.CreditLimit.ToString("0.00", CultureInfo.InvariantCulture),
                ], httpContext.RequestAborted);
            }

            await csv.FlushAsync(httpContext.RequestAborted);
        }
    }

    private sealed record ParsedRow(int Row, string? Code, string? OwnerId, ProfileInput Profile, CustomerGrade? Grade, DateTimeOffset? LastVerifiedAt, Validation Errors);
}

/// <summary>The file as a whole cannot be read (no header, missing columns): 400, nothing imported.</summary>
public sealed class CsvFileException(string message) : Exception(message);
