using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public static class GetCustomer
{
    public static void MapGetCustomer(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}", Handle)
            .WithName("GetCustomer")
            .WithSummary("One customer card, with its version as ETag. Outside the caller's scope it is not found.");

    private static async Task<Results<Ok<CustomerResponse>, NotFound>> Handle(Guid id, CustomersDbContext db, HttpContext http)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (customer is null || !new CurrentUser(http.User).CanSee(customer))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.From(customer));
    }
}
