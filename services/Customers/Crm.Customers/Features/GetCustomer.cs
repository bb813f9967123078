using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Customers.Features;

public static class GetCustomer
{
    public static void MapGetCustomer(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}", Handle)
            .WithName("GetCustomer")
            .WithSummary("One customer card with its contact details and key persons (the read is audited), its version as ETag. Outside the caller's scope it is not found.");

    private static async Task<Results<Ok<CustomerResponse>, NotFound>> Handle(
        Guid id, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        if (await db.FindVisible(id, user, http.RequestAborted, withKeyPersons: true) is not { } customer)
        {
            return TypedResults.NotFound();
        }

        db.Audit(user, AuditActions.ReadContactDetails, customer.Id, new { read = "card", phone = customer.Phone.Length > 0, keyPersons = customer.KeyPersons.Count }, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.From(customer));
    }
}
