using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record UpdateCustomerRequest(string? Name, CustomerKind? Kind, string? Region, string? Address, string? OwnerId, CustomerTier? Tier);

public static class UpdateCustomer
{
    public static void MapUpdateCustomer(this RouteGroupBuilder api) =>
        api.MapPut("/{id:guid}", Handle)
            .WithName("UpdateCustomer")
            .WithSummary("Replaces a card's profile (name, kind, region, address, owner, tier). Honours If-Match.");

    private static async Task<Results<Ok<CustomerResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, UpdateCustomerRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation()
            .Required("name", request.Name, 200)
            .Defined("kind", request.Kind)
            .Required("region", request.Region, 50)
            .Optional("address", request.Address, 500)
            .Required("ownerId", request.OwnerId, 100)
            .Defined("tier", request.Tier);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = new CurrentUser(http.User);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (customer is null || !user.CanSee(customer))
        {
            return TypedResults.NotFound();
        }

        var region = request.Region!.Trim();
        var ownerId = request.OwnerId!.Trim();
        if (!user.CanWorkIn(region) || !user.CanSee(region, ownerId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"You may not move the customer to region {region} with owner {ownerId}.");
        }

        http.Request.EnsureMatches(customer.Version);
        if (customer.UpdateProfile(request.Name!.Trim(), request.Kind!.Value, region, request.Address?.Trim() ?? "", ownerId, request.Tier!.Value))
        {
            db.EnqueueEvent(CustomerEventMapping.Updated(customer, time.GetUtcNow()));
            await db.SaveChangesAsync(http.RequestAborted);
        }

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.From(customer));
    }
}
