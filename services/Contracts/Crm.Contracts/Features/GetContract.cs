using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public static class GetContract
{
    public static void MapGetContract(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}", Handle)
            .WithName("GetContract")
            .WithSummary("One contract, with its version as ETag.");

    private static async Task<Results<Ok<ContractResponse>, NotFound>> Handle(
        Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !user.MaySee(contract))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }
}
