using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

public sealed record UpdateCustomerRequest(
    string? Name, CustomerKind? Kind, string? Region, string? Address, string? OwnerId, CustomerTier? Tier,
    string? Territory = null, double? Latitude = null, double? Longitude = null, string? Phone = null)
{
    public ProfileInput Profile => new(Name, Kind, Region, Territory, Address, Latitude, Longitude, Phone, Tier);
}

public sealed record ReassignOwnerRequest(string? OwnerId, string? Reason);

public sealed record DeregisterRequest(string? Reason);

public static class UpdateCustomer
{
    public static void MapUpdateCustomer(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:guid}", Handle)
            .WithName("UpdateCustomer")
            .WithSummary("Replaces a card's profile. A different owner is a reassignment: CRM supervisor or admin only. Honours If-Match.");
        api.MapPost("/{id:guid}/owner", Reassign)
            .WithName("ReassignCustomerOwner")
            .WithSummary("Hands the customer to another rep, with a reason. CRM supervisor or admin only. Honours If-Match.");
        api.MapPost("/{id:guid}/deregister", Deregister)
            .WithName("DeregisterCustomer")
            .WithSummary("Deregisters an invalid customer (注销) with a reason: kept, never deleted, out of the pipeline. Honours If-Match.");
        api.MapPost("/{id:guid}/verify", Verify)
            .WithName("VerifyCustomerCard")
            .WithSummary("Records that the card was checked with the customer today (last-verified date). Honours If-Match.");
    }

    private static async Task<IResult> Handle(Guid id, UpdateCustomerRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = request.Profile.Check(new Validation()).Required("ownerId", request.OwnerId, 100).Defined("tier", request.Tier);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = new CurrentUser(http.User);
        var (customer, refusal) = await db.FindForChange(id, user, http.RequestAborted);
        if (customer is null)
        {
            return refusal!;
        }

        var profile = request.Profile.ToProfile();
        var ownerId = request.OwnerId!.Trim();
        if (ownerId != customer.OwnerId && !user.IsSupervisorOrAdmin)
        {
            return CustomerAccess.OnlyStewards("reassign a customer to another owner");
        }

        if (!user.CanKeep(profile.Region, ownerId))
        {
            return CustomerAccess.Forbidden($"You may not move the customer to region {profile.Region} with owner {ownerId}.");
        }

        http.Request.EnsureMatches(customer.Version);
        customer.Update(profile, ownerId, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Written(customer));
    }

    private static async Task<IResult> Reassign(Guid id, ReassignOwnerRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Required("ownerId", request.OwnerId, 100).Required("reason", request.Reason, 500);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = new CurrentUser(http.User);
        if (!user.IsSupervisorOrAdmin)
        {
            return CustomerAccess.OnlyStewards("reassign a customer to another owner");
        }

        var (customer, refusal) = await db.FindForChange(id, user, http.RequestAborted);
        if (customer is null)
        {
            return refusal!;
        }

        http.Request.EnsureMatches(customer.Version);
        customer.ReassignOwner(request.OwnerId!.Trim(), request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<IResult> Deregister(Guid id, DeregisterRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Required("reason", request.Reason, 500);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = new CurrentUser(http.User);
        var (customer, refusal) = await db.FindForChange(id, user, http.RequestAborted);
        if (customer is null)
        {
            return refusal!;
        }

        http.Request.EnsureMatches(customer.Version);
        customer.Deregister(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<IResult> Verify(Guid id, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var user = new CurrentUser(http.User);
        var (customer, refusal) = await db.FindForChange(id, user, http.RequestAborted);
        if (customer is null)
        {
            return refusal!;
        }

        http.Request.EnsureMatches(customer.Version);
        customer.MarkVerified(user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }
}
