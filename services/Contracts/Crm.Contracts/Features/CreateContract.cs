using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Contracts.Features;

/// <param name="TemplateCode">The standard text to draft from (its current version); DIST, the distribution agreement, when left out.</param>
public sealed record CreateContractRequest(
    Guid? CustomerId,
    [property: MaxLength(200)] string? Title,
    [property: MaxLength(ContractLimits.Code)] string? TemplateCode = null);

public static class CreateContract
{
    public static void MapCreateContract(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<ContractsDbContext>()
            .WithName("CreateContract")
            .WithSummary("Drafts a contract for a customer the caller may work with, from a template's current version, which fills the standard clauses, the company as seller and the dealer as buyer.");

    private static async Task<Results<Created<ContractResponse>, ValidationProblem>> Handle(
        CreateContractRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Required("title", request.Title);
        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken);
        var template = await db.LatestTemplateAsync(request.TemplateCode?.Trim() ?? ContractTemplate.StandardCode, time, cancellationToken);
        if (template is null)
        {
            validation.Add("templateCode", "No such template.");
        }

        if (customer is { Status: CustomerStatus.Deregistered })
        {
            validation.Add("customerId", "The customer is deregistered (注销); no new contract is drafted for it.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var number = await db.NextNumberAsync("CT", now.Year, cancellationToken);
        var contract = Contract.Draft(number, customer!.Id, customer.Name, customer.Region, customer.OwnerId, request.Title!.Trim(),
            template!, template!.Draft(customer.Name, customer.Address), user.Id, now);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/contracts/{contract.Id}", ContractResponse.From(contract));
    }
}
