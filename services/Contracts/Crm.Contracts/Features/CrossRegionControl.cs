using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record ResolveAlertRequest(CrossRegionDecision? Decision, [property: MaxLength(ContractLimits.Reason)] string? Note);

public sealed record DetectRequest([property: MaxLength(7)] string? Month);

public sealed record DetectionResult(string Month, int Records, int NewAlerts);

public sealed record CrossRegionAlertResponse(
    Guid Id, string Number, CrossRegionKind Kind, Guid CustomerId, string CustomerName, string Region, string OwnerId, string Month, string ProductCode,
    string DeliveredRegion, decimal Quantity, decimal Amount, string Reason, IReadOnlyList<string> Contracts, Guid? OtherDealerId, DateTimeOffset DetectedAt,
    CrossRegionResolution? Resolution, long Version)
{
    public static CrossRegionAlertResponse From(CrossRegionAlert a) =>
        new(a.Id, a.Number, a.Kind, a.CustomerId, a.CustomerName, a.Region, a.OwnerId, SalesMonth.Text(a.Month),
            a.ProductCode, a.DeliveredRegion, a.Quantity, a.Amount, a.Reason, a.Contracts, a.OtherDealerId, a.DetectedAt, a.Resolution, a.Version);
}

/// <summary>
/// Cross-region selling (窜货) and price control: every sales record is checked against the business authority of the
/// contracts in force in its month when it is recorded (and on the CRM supervisor's request for a whole month); each
/// breach raises one alert and publishes CrossRegionSaleDetected. The selling dealer's rep and managers see its alerts;
/// the CRM supervisor resolves them with a decision (warning, penalty, authority change, dismissed) kept on record.
/// </summary>
public static class CrossRegionControl
{
    public static void MapCrossRegionControl(this RouteGroupBuilder api)
    {
        api.MapGet("/cross-region-alerts", List).WithName("CrossRegionAlerts")
            .WithSummary("The alerts on sales the caller sees, newest first; ?open=true for those not yet resolved, ?month=yyyy-MM.");
        api.MapPost("/cross-region-alerts/{id:guid}/resolve", Resolve).RequireAuthorization(Policies.Stewards)
            .WithName("ResolveCrossRegionAlert").WithSummary("The CRM supervisor's decision on an alert (Warning, Penalty, AuthorityChange, Dismissed) with a note. Honours If-Match.");
        api.MapPost("/cross-region/detect", Detect).RequireAuthorization(Policies.Stewards)
            .WithName("DetectCrossRegionSales").WithSummary("Checks every sales record of a month (yyyy-MM) against the authority of the contracts in force then; alerts once per breach.");
    }

    /// <summary>
    /// Checks the sales records of the given dealer-months (or of a whole month) and raises an alert for each breach not
    /// alerted before. Public for the benchmark, which times exactly this.
    /// </summary>
    public static async Task<int> DetectAsync(ContractsDbContext db, IQueryable<SalesRecord> records, TimeProvider time, CancellationToken cancellationToken) =>
        await DetectAsync(db, await records.AsNoTracking().ToListAsync(cancellationToken), time, cancellationToken);

    /// <summary>Checks the given sales records (all of their dealer-months, as stored) and raises an alert for each breach not alerted before.</summary>
    public static async Task<int> DetectAsync(ContractsDbContext db, IReadOnlyCollection<SalesRecord> sales, TimeProvider time, CancellationToken cancellationToken)
    {
        if (sales.Count == 0)
        {
            return 0;
        }

        var catalogue = await db.CatalogueAsync(cancellationToken);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active || c.Status == ContractStatus.Expired)
            .ToListAsync(cancellationToken);
        var months = sales.Select(s => s.Month).Distinct().ToList();
        var grants = months.ToDictionary(m => m, m => CrossRegionRules.GrantsIn(contracts, m));
        var dealers = sales.Select(s => s.CustomerId).Distinct().ToList();
        var alerted = (await db.CrossRegionAlerts.AsNoTracking().Where(a => months.Contains(a.Month) && dealers.Contains(a.CustomerId))
                .Select(a => new { a.CustomerId, a.Month, a.ProductCode, a.DeliveredRegion, a.Kind }).ToListAsync(cancellationToken))
            .Select(a => (a.CustomerId, a.Month, a.ProductCode, a.DeliveredRegion, a.Kind)).ToHashSet();
        var names = await db.CustomerSnapshots.AsNoTracking().Where(c => dealers.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var now = time.GetUtcNow();
        var found = new List<(SalesRecord Sale, CrossRegionKind Kind, string Reason, IReadOnlyList<string> Contracts, Guid? Other)>();
        foreach (var sale in sales.Where(s => catalogue.ContainsKey(s.ProductCode)))
        {
            foreach (var (kind, reason, involved, other) in CrossRegionRules.Breaches(sale, catalogue[sale.ProductCode], grants[sale.Month]))
            {
                if (alerted.Add((sale.CustomerId, sale.Month, sale.ProductCode, sale.DeliveredRegion, kind)))
                {
                    found.Add((sale, kind, reason, involved, other));
                }
            }
        }

        if (found.Count == 0)
        {
            return 0;
        }

        var numbers = await db.NextNumbersAsync("CX", now.Year, found.Count, cancellationToken);
        db.CrossRegionAlerts.AddRange(found.Select((f, i) =>
            CrossRegionAlert.Open(numbers[i], f.Kind, f.Sale, names.GetValueOrDefault(f.Sale.CustomerId, ""), f.Reason, f.Contracts, f.Other, now)));
        await db.SaveChangesAsync(cancellationToken);
        return found.Count;
    }

    private static async Task<Results<Ok<PagedResult<CrossRegionAlertResponse>>, ValidationProblem>> List(
        ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken, bool? open = null, string? month = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        var first = default(DateOnly);
        if (month is not null && !SalesMonth.TryParse(month, out first))
        {
            validation.Add("month", SalesMonth.Rule);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.CrossRegionAlerts.AsNoTracking().VisibleTo(user);
        query = open is { } o ? query.Where(a => (a.Resolution == null) == o) : query;
        query = month is null ? query : query.Where(a => a.Month == first);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.DetectedAt).ThenByDescending(a => a.Number).TakePage(pageNumber, size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<CrossRegionAlertResponse>(items.Select(CrossRegionAlertResponse.From).ToList(), pageNumber, size, total));
    }

    private static async Task<Results<Ok<CrossRegionAlertResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Resolve(
        Guid id, ResolveAlertRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Defined("decision", request.Decision).Required("note", request.Note);
        var (alert, refusal) = await db.CrossRegionAlerts.FindForChange(id, http, validation, user.MaySee, _ => true, "");
        if (alert is null)
        {
            return refusal!;
        }

        alert.Resolve(request.Decision!.Value, request.Note!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(alert.Version);
        return TypedResults.Ok(CrossRegionAlertResponse.From(alert));
    }

    private static async Task<Results<Ok<DetectionResult>, ValidationProblem>> Detect(DetectRequest request, ContractsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request);
        if (!SalesMonth.TryParse(request.Month, out var month))
        {
            validation.Add("month", SalesMonth.Rule);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var records = await db.SalesRecords.AsNoTracking().Where(r => r.Month == month).ToListAsync(cancellationToken);
        var alerts = await DetectAsync(db, records, time, cancellationToken);
        return TypedResults.Ok(new DetectionResult(request.Month!, records.Count, alerts));
    }
}
