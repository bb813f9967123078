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

/// <param name="NetAmount">The months listed, together.</param>
/// <param name="OnPlanRate">Their net amount over their planned amount, for the months that had a plan.</param>
public sealed record DealerSalesResponse(Guid CustomerId, IReadOnlyList<DealerSalesMonthResponse> Months, decimal NetAmount, decimal? OnPlanRate);

/// <summary>
/// Each dealer's monthly net sales and on-plan rate, kept from Contracts' SalesRecorded (queue customers-sales), shown as
/// the context of its evaluation: the evaluator scores transactions and credit with these figures in view; the
/// evaluation's weights and scores stay the evaluator's.
/// </summary>
public static class DealerSales
{
    public const string Queue = "customers-sales";

    public static void MapDealerSales(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}/sales", Get)
            .WithName("GetDealerSales")
            .WithSummary("The dealer's net sales and on-plan rate for its last ?months= months (12 by default, at most 60) as Contracts recorded them, newest first.");

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
        return TypedResults.Ok(new DealerSalesResponse(id,
            rows.Select(r => new DealerSalesMonthResponse(r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.NetQuantity, r.NetAmount, r.PlannedAmount, r.OnPlanRate)).ToList(),
            rows.Sum(r => r.NetAmount),
            planned.Count == 0 ? null : decimal.Round(planned.Sum(r => r.NetAmount) / planned.Sum(r => r.PlannedAmount!.Value), 4)));
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
