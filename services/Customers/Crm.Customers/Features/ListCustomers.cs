using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record ListCustomersQuery(string? Region, string? Grade, string? OwnerId, int? Page, int? PageSize);

public static class ListCustomers
{
    public static void MapListCustomers(this RouteGroupBuilder api) =>
        api.MapGet("/", Handle)
            .WithName("ListCustomers")
            .WithSummary("The customers the caller may see, filtered by region, grade and owner, a page at a time.");

    private static async Task<Results<Ok<PagedResult<CustomerResponse>>, ValidationProblem>> Handle(
        [AsParameters] ListCustomersQuery query, CustomersDbContext db, HttpContext http)
    {
        var validation = new Validation();
        var (page, pageSize) = Paging.Check(validation, query.Page, query.PageSize);
        CustomerGrade? grade = null;
        if (query.Grade is not null)
        {
            if (Enum.TryParse<CustomerGrade>(query.Grade, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                grade = parsed;
            }
            else
            {
                validation.Add("grade", "Must be one of A, B, C, D, E.");
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var customers = db.Customers.AsNoTracking().VisibleTo(new CurrentUser(http.User));
        if (query.Region is not null)
        {
            customers = customers.Where(c => c.Region == query.Region);
        }

        if (grade is not null)
        {
            customers = customers.Where(c => c.Grade == grade);
        }

        if (query.OwnerId is not null)
        {
            customers = customers.Where(c => c.OwnerId == query.OwnerId);
        }

        var total = await customers.CountAsync(http.RequestAborted);
        var items = await customers.OrderBy(c => c.Name).ThenBy(c => c.Id).TakePage(page, pageSize).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new PagedResult<CustomerResponse>(items.Select(CustomerResponse.From).ToList(), page, pageSize, total));
    }
}
