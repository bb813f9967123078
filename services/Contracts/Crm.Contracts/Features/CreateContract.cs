using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record MoneyRequest(decimal? Amount, string? Currency);

public sealed record CreateContractRequest(Guid? CustomerId, string? Title, MoneyRequest? Value);

public static class CreateContract
{
    public static void MapCreateContract(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<ContractsDbContext>()
            .WithName("CreateContract")
            .WithSummary("Drafts a contract for a customer the caller may work with.");

    private static async Task<Results<Created<ContractResponse>, ValidationProblem>> Handle(
        CreateContractRequest request, ContractsDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Required("title", request.Title, 200);
        if (request.CustomerId is null || request.CustomerId == Guid.Empty)
        {
            validation.Add("customerId", "Required.");
        }

        if (request.Value?.Amount is not > 0)
        {
            validation.Add("value.amount", "Required, and more than zero.");
        }

        var currency = request.Value?.Currency?.Trim().ToUpperInvariant() ?? Money.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            validation.Add("value.currency", "An ISO 4217 code of three letters, such as CNY.");
        }

        var user = new CurrentUser(http.User);
        var customer = request.CustomerId is { } customerId
            ? await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, http.RequestAborted)
            : null;
        if (request.CustomerId is not null && (customer is null || !user.CanSee(customer)))
        {
            validation.Add("customerId", "No such customer among those you may work with.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var number = await db.NextNumberAsync("CT", now.Year, http.RequestAborted);
        var contract = Contract.Draft(number, customer!.Id, customer.Region, customer.OwnerId, request.Title!.Trim(),
            new Money(request.Value!.Amount!.Value, currency), user.Id, now);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/contracts/{contract.Id}", ContractResponse.From(contract));
    }
}
