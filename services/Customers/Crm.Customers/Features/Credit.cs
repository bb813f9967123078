using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record SetCreditLimitRequest(
    [property: Range(typeof(decimal), "0", Money.MaxAmount)] decimal? Amount,
    [property: MaxLength(CustomerLimits.Reason)] string? Reason);

public sealed record CreditLimitChangeResponse(decimal From, decimal To, string Currency, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>
/// Credit management (客户信用管理): each customer has a credit limit (CNY) with its history, and every change publishes
/// CustomerCreditChanged for Contracts and the others. Branch managers and regional directors of the region and
/// headquarters set it; the rep who sells to the customer reads it but does not set it.
/// </summary>
public static class Credit
{
    public static void MapCredit(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:guid}/credit-limit", Set)
            .WithName("SetCustomerCreditLimit")
            .RequireAuthorization(Policies.Managers)
            .WithSummary("Sets the customer's credit limit (CNY) with a reason; managers of the region and headquarters. Honours If-Match.");
        api.MapGet("/{id:guid}/credit-history", History)
            .WithName("GetCustomerCreditHistory")
            .WithSummary("Every change of the customer's credit limit: from, to, why, who and when.");
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, ProblemHttpResult>> Set(
        Guid id, SetCreditLimitRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        if (request.Amount is not { } amount)
        {
            validation.Add("amount", "Required.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            validation.Add("amount", "At most two decimals.");
        }

        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        if (!user.MaySetCredit(customer))
        {
            return Refusals.Forbidden("Credit limits are set by the branch manager or regional director of the region, or by headquarters.");
        }

        if (customer.SetCreditLimit(request.Amount!.Value, request.Reason!.Trim(), user.Id, time.GetUtcNow()) is { } change)
        {
            db.CreditLimitChanges.Add(change);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<Results<Ok<List<CreditLimitChangeResponse>>, NotFound>> History(
        Guid id, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var history = await db.CreditLimitChanges.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id)
            .Select(c => new CreditLimitChangeResponse(c.From, c.To, c.Currency, c.Reason, c.ChangedBy, c.ChangedAt))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(history);
    }
}
