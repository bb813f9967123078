using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

/// <summary>Anyone who sees a draft may sign it: the route group's Staff policy is the only role rule, the rest is data scoping.</summary>
public static class SignContract
{
    public static void MapSignContract(this RouteGroupBuilder api) =>
        api.MapPost("/{id:guid}/sign", Handle)
            .WithName("SignContract")
            .WithSummary("Signs a draft contract and publishes ContractSigned; the customer becomes grade A. Honours If-Match.");

    private static async Task<Results<Ok<ContractResponse>, NotFound>> Handle(
        Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !user.MaySee(contract))
        {
            return TypedResults.NotFound();
        }

        http.Request.EnsureMatches(contract.Version);
        var now = time.GetUtcNow();
        contract.Sign(user.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }
}
