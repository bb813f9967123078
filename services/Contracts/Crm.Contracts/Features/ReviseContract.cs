using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Contracts.Features;

public sealed record ReviseContractRequest([property: MaxLength(200)] string? Title, ContractTerms? Terms);

/// <summary>The drafter's work: the title and the 11 parts of a draft (or of a contract returned to it), replaced whole.</summary>
public static class ReviseContract
{
    public static void MapReviseContract(this RouteGroupBuilder api) =>
        api.MapPut("/{id:guid}/terms", Handle)
            .WithName("ReviseContract")
            .WithSummary("Replaces a draft's (or returned contract's) title and terms, whole; parts may stay open until submission. Honours If-Match.");

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, ReviseContractRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("title", request.Title).NotNull("terms", request.Terms);
        var (contract, refusal) = await db.FindForWork(id, user, http, validation);
        if (contract is null)
        {
            return refusal!;
        }

        contract.Revise(request.Title!.Trim(), request.Terms!, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }
}
