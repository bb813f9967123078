using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record SalesPlanRequest(
    [property: MaxLength(ContractLimits.Lines)] IReadOnlyList<PlanLine>? Lines,
    [property: MaxLength(ContractLimits.Clause)] string? Progress,
    [property: MaxLength(ContractLimits.Clause)] string? Support);

public sealed record SalesPlanResponse(
    Guid CustomerId, string CustomerName, string Region, string OwnerId, string Month, IReadOnlyList<PlanLine> Lines, decimal PlannedAmount,
    string Progress, string Support, DateTimeOffset UpdatedAt, string UpdatedBy, long Version)
{
    public static SalesPlanResponse From(SalesPlan p) =>
        new(p.CustomerId, p.CustomerName, p.Region, p.OwnerId, SalesMonth.Text(p.Month), p.Lines,
            p.PlannedAmount(), p.Progress, p.Support, p.UpdatedAt, p.UpdatedBy, p.Version);
}

/// <summary>
/// A dealer's monthly sales plan (销售计划): targets by product, the progress plan and the promised support, kept by the
/// dealer's rep or a manager of its region; one per dealer and month (yyyy-MM), replaced whole under If-Match.
/// </summary>
public static class SalesPlans
{
    public static void MapSalesPlans(this RouteGroupBuilder api)
    {
        api.MapGet("/sales-plans/{customerId:guid}/{month}", Get).WithName("GetSalesPlan").WithSummary("A dealer's plan for a month (yyyy-MM), with its version as ETag.");
        api.MapPut("/sales-plans/{customerId:guid}/{month}", Put)
            .WithName("PutSalesPlan").WithSummary("Sets a dealer's plan for a month (yyyy-MM): product targets, progress plan and support. Honours If-Match.");
    }

    private static async Task<Results<Ok<SalesPlanResponse>, NotFound, ValidationProblem>> Get(
        Guid customerId, [MaxLength(7)] string month, ContractsDbContext db, CurrentUser user, HttpContext http)
    {
        if (!SalesMonth.TryParse(month, out var first))
        {
            return new Validation().Add("month", SalesMonth.Rule).ToProblem();
        }

        var plan = await db.SalesPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId && p.Month == first, http.RequestAborted);
        if (plan is null || !user.MaySee(plan))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(plan.Version);
        return TypedResults.Ok(SalesPlanResponse.From(plan));
    }

    private static async Task<Results<Ok<SalesPlanResponse>, ValidationProblem, ProblemHttpResult>> Put(
        Guid customerId, [MaxLength(7)] string month, SalesPlanRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        if (!SalesMonth.TryParse(month, out var first))
        {
            validation.Add("month", SalesMonth.Rule);
        }

        var catalogue = await db.CatalogueAsync(http.RequestAborted);
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is { } line)
            {
                if (line.ProductCode is null || !catalogue.ContainsKey(line.ProductCode))
                {
                    validation.Add($"lines[{i}].productCode", "A product of the catalogue.");
                }

                validation.NotNull($"lines[{i}].quantity", line.Quantity).NotNull($"lines[{i}].amount", line.Amount);
            }
        }

        if (lines.Where(l => l is not null).GroupBy(l => l.ProductCode).Any(g => g.Count() > 1))
        {
            validation.Add("lines", "Each product once per plan.");
        }

        var customer = await db.CustomerSnapshots.FindForWorkAsync(customerId, user, validation, http.RequestAborted, "customerId");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (!user.MayKeepSales(customer!))
        {
            return Refusals.Forbidden("Only the dealer's rep and the managers of its region keep its sales plan.");
        }

        var plan = await db.SalesPlans.FirstOrDefaultAsync(p => p.CustomerId == customerId && p.Month == first, http.RequestAborted);
        http.Request.EnsureMatches(plan?.Version ?? 0);
        if (plan is null)
        {
            plan = SalesPlan.Start(customerId, first);
            db.SalesPlans.Add(plan);
        }

        plan.Replace(customer!.Name, customer.Region, customer.OwnerId, lines.OfType<PlanLine>().ToList(), request.Progress?.Trim() ?? "",
            request.Support?.Trim() ?? "", user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(plan.Version);
        return TypedResults.Ok(SalesPlanResponse.From(plan));
    }

    /// <summary>The dealer's rep and the managers of its region keep its plans; dealer administration also records its sales.</summary>
    public static bool MayKeepSales(this CurrentUser user, CustomerSnapshot customer) => user.MayWorkOn(customer);

    public static bool MayRecordSales(this CurrentUser user, CustomerSnapshot customer) =>
        user.SalesRecordable().Compile(preferInterpretation: true)(customer);

    /// <summary>
    /// <see cref="MayRecordSales"/> as a query: headquarters; the branch managers, regional directors and dealer
    /// administration of the customer's region; or the rep who owns it.
    /// </summary>
    public static Expression<Func<CustomerSnapshot, bool>> SalesRecordable(this CurrentUser user)
    {
        var all = user.SeesAllRegions;
        var regions = user.Regions.ToList();
        var wholeRegions = user.IsInRole(Roles.BranchManager) || user.IsInRole(Roles.RegionalDirector) || user.IsInRole(Roles.DealerAdministrator);
        var rep = user.IsInRole(Roles.SalesRep);
        var id = user.Id;
        return c => all || (wholeRegions && regions.Contains(c.Region)) || (rep && c.OwnerId == id);
    }
}
