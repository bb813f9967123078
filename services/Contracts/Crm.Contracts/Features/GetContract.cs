using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public static class GetContract
{
    public static void MapGetContract(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}", Handle)
            .WithName("GetContract")
            .WithSummary("One contract with its terms, chain, decisions, credit check and signature, with its version as ETag.");
        api.MapGet("/", List)
            .WithName("ListContracts")
            .WithSummary("The contracts the caller sees, newest first; ?status= and ?customerId= narrow them.");
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound>> Handle(
        Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !user.MaySeeContract(contract))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }

    private static async Task<Results<Ok<PagedResult<ContractSummary>>, ValidationProblem>> List(
        ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken, string? status = null, Guid? customerId = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var wanted = validation.EnumName<ContractStatus>("status", status);
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Contracts.AsNoTracking().VisibleContracts(user);
        query = wanted is { } s ? query.Where(c => c.Status == s) : query;
        query = customerId is { } customer ? query.Where(c => c.CustomerId == customer) : query;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.CreatedAt).TakePage(pageNumber, size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<ContractSummary>(items.Select(ContractSummary.From).ToList(), pageNumber, size, total));
    }
}
