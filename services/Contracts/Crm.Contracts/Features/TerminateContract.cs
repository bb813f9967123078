using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Contracts.Features;

public sealed record TerminateContractRequest([property: MaxLength(ContractLimits.Reason)] string? Reason);

/// <summary>A signed or active contract ended early, with the reason, by a manager of its region or headquarters.</summary>
public static class TerminateContract
{
    public static void MapTerminateContract(this RouteGroupBuilder api) =>
        api.MapPost("/{id:guid}/terminate", Handle)
            .RequireAuthorization(Policies.Managers)
            .WithName("TerminateContract")
            .WithSummary("Ends a signed or active contract early with the reason; publishes ContractTerminated. Honours If-Match.");

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, TerminateContractRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        var (contract, refusal) = await db.Contracts.FindForChange(id, http, validation, user.MaySeeContract, c => user.ManagesRegion(c.Region),
            "Only a manager of the contract's region or headquarters terminates it.");
        if (contract is null)
        {
            return refusal!;
        }

        contract.Terminate(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }
}
