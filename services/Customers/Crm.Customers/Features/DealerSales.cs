using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record DealerSalesMonthResponse(string Month, decimal NetQuantity, decimal NetAmount, decimal? PlannedAmount, decimal? OnPlanRate);

public sealed record DealerCrossRegionAlertResponse(string Number, string Kind, string Month, string ProductCode, string DeliveredRegion, decimal Amount, string Reason, DateTimeOffset DetectedAt);

/// <param name="NetAmount">The months listed, together.</param>
/// <param name="OnPlanRate">Their net amount over their planned amount, for the months that had a plan.</param>
/// <param name="CrossRegionAlerts">The 窜货 and price alerts Contracts raised on the dealer's sales in those months, newest first.</param>
public sealed record DealerSalesResponse(
    Guid CustomerId, IReadOnlyList<DealerSalesMonthResponse> Months, decimal NetAmount, decimal? OnPlanRate, IReadOnlyList<DealerCrossRegionAlertResponse> CrossRegionAlerts);

/// <summary>
/// Each dealer's monthly net sales and on-plan rate, and the 窜货 and price alerts raised on its sales, kept from
/// Contracts' SalesRecorded and CrossRegionSaleDetected (queue customers-sales), shown as the context of its evaluation:
/// the evaluator scores transactions and credit with these figures in view; the evaluation's weights and scores stay the
/// evaluator's.
/// </summary>
public static class DealerSales
{
    public const string Queue = "customers-sales";

    public static void MapDealerSales(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}/sales", Get)
            .WithName("GetDealerSales")
            .WithSummary("The dealer's net sales, on-plan rate and 窜货/price alerts for its last ?months= months (12 by default, at most 60) as Contracts recorded them, newest first.");

    private static async Task<Results<Ok<DealerSalesResponse>, NotFound, ValidationProblem>> Get(
        Guid id, CustomersDbContext db, CurrentUser user, CancellationToken cancellationToken, [Range(1, 60)] int? months = null)
    {
        if (months is < 1 or > 60)
        {
            return new Crm.BuildingBlocks.Http.Validation().Add("months", "From 1 to 60.").ToProblem();
        }

        if (await db.FindVisible(id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.DealerSales.AsNoTracking().Where(s => s.CustomerId == id)
            .OrderByDescending(s => s.Month).Take(months ?? 12).ToListAsync(cancellationToken);
        var planned = rows.Where(r => r.PlannedAmount is > 0).ToList();
        // The alerts of the months shown; all of them while fewer months than asked for are recorded (an alert may arrive before its month).
        var since = rows.Count == (months ?? 12) ? rows[^1].Month : DateOnly.MinValue;
        var alerts = await db.DealerCrossRegionAlerts.AsNoTracking().Where(a => a.CustomerId == id && a.Month >= since)
            .OrderByDescending(a => a.Month).ThenByDescending(a => a.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DealerSalesResponse(id,
            rows.Select(r => new DealerSalesMonthResponse(Text(r.Month), r.NetQuantity, r.NetAmount, r.PlannedAmount, r.OnPlanRate)).ToList(),
            rows.Sum(r => r.NetAmount),
            planned.Count == 0 ? null : decimal.Round(planned.Sum(r => r.NetAmount) / planned.Sum(r => r.PlannedAmount!.Value), 4),
            alerts.Select(a => new DealerCrossRegionAlertResponse(a.Number, a.Kind, Text(a.Month), a.ProductCode, a.DeliveredRegion, a.Amount, a.Reason, a.DetectedAt)).ToList()));
    }

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IHostApplicationBuilder AddDealerSales(this IHostApplicationBuilder builder)
    {
        builder.AddConsumer<SalesRecordedConsumer>(Queue);
        builder.AddConsumer<CrossRegionSaleDetectedConsumer>(Queue);
        return builder;
    }
}

/// <summary>Keeps a dealer's month of sales from SalesRecorded, the newest recording of each month.</summary>
public sealed class SalesRecordedConsumer(CustomersDbContext db, TimeProvider time) : IdempotentConsumer<SalesRecorded, CustomersDbContext>(db, time)
{
    protected override async Task Handle(SalesRecorded message, CancellationToken cancellationToken)
    {
        var month = await Db.DealerSales.FirstOrDefaultAsync(s => s.CustomerId == message.CustomerId && s.Month == message.Month, cancellationToken);
        if (month is null)
        {
            Db.DealerSales.Add(new DealerSalesMonth(message));
        }
        else
        {
            month.Apply(message);
        }
    }
}

/// <summary>Keeps each 窜货 or price alert raised on a dealer's sales, once (the alert's id is the key).</summary>
public sealed class CrossRegionSaleDetectedConsumer(CustomersDbContext db, TimeProvider time) : IdempotentConsumer<CrossRegionSaleDetected, CustomersDbContext>(db, time)
{
    protected override async Task Handle(CrossRegionSaleDetected message, CancellationToken cancellationToken)
    {
        if (!await Db.DealerCrossRegionAlerts.AnyAsync(a => a.AlertId == message.AlertId, cancellationToken))
        {
            Db.DealerCrossRegionAlerts.Add(new DealerCrossRegionAlert(message));
        }
    }
}
