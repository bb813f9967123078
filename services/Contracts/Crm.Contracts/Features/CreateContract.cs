using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

/// <summary>An amount more than zero, in an ISO 4217 currency (CNY when left out).</summary>
public sealed record MoneyRequest(
    [property: Range(typeof(decimal), "0", Money.MaxAmount, MinimumIsExclusive = true)] decimal? Amount,
    [property: StringLength(3, MinimumLength = 3)] string? Currency = null);

public sealed record CreateContractRequest(Guid? CustomerId, [property: MaxLength(200)] string? Title, MoneyRequest? Value);

public static class CreateContract
{
    public static void MapCreateContract(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<ContractsDbContext>()
            .WithName("CreateContract")
            .WithSummary("Drafts a contract for a customer the caller may work with.");

    private static async Task<Results<Created<ContractResponse>, ValidationProblem>> Handle(
        CreateContractRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Required("title", request.Title);
        if (request.Value?.Amount is null)
        {
            validation.Add("value.amount", "Required, and more than zero.");
        }

        var currency = request.Value?.Currency?.Trim().ToUpperInvariant() ?? Money.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            validation.Add("value.currency", "An ISO 4217 code of three letters, such as CNY.");
        }

        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken);

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var number = await db.NextNumberAsync("CT", now.Year, cancellationToken);
        var contract = Contract.Draft(number, customer!.Id, customer.Region, customer.OwnerId, request.Title!.Trim(),
            new Money(request.Value!.Amount!.Value, currency), user.Id, now);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/contracts/{contract.Id}", ContractResponse.From(contract));
    }
}
