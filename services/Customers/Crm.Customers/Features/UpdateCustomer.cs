using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

public sealed record UpdateCustomerRequest(
    [property: MaxLength(CustomerLimits.Name)] string? Name,
    CustomerKind? Kind,
    [property: MaxLength(CustomerLimits.Region)] string? Region,
    [property: MaxLength(CustomerLimits.UserId)] string? OwnerId,
    CustomerTier? Tier,
    [property: MaxLength(CustomerLimits.Address)] string? Address = null,
    [property: MaxLength(CustomerLimits.Territory)] string? Territory = null,
    [property: Range(-90, 90)] double? Latitude = null,
    [property: Range(-180, 180)] double? Longitude = null,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone = null,
    [property: Description("The datum of the coordinates: Wgs84 (GPS, the default), Gcj02 (AMap, Tencent) or Bd09 (Baidu).")] CoordinateDatum? Datum = null)
{
    [JsonIgnore]
    public ProfileInput Profile => new(Name, Kind, Region, Territory, Address, Latitude, Longitude, Phone, Tier, Datum);
}

public sealed record ReassignOwnerRequest([property: MaxLength(CustomerLimits.UserId)] string? OwnerId, [property: MaxLength(CustomerLimits.Reason)] string? Reason);

public sealed record DeregisterRequest([property: MaxLength(CustomerLimits.Reason)] string? Reason);

public static class UpdateCustomer
{
    public static void MapUpdateCustomer(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:guid}", Handle)
            .WithName("UpdateCustomer")
            .WithSummary("Replaces a card's profile. A different owner is a reassignment: CRM supervisor or admin only. Honours If-Match.");
        api.MapPost("/{id:guid}/owner", Reassign)
            .WithName("ReassignCustomerOwner")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary("Hands the customer to another rep, with a reason. CRM supervisor or admin only. Honours If-Match.");
        api.MapPost("/{id:guid}/deregister", Deregister)
            .WithName("DeregisterCustomer")
            .WithSummary("Deregisters an invalid customer (注销) with a reason: kept, never deleted, out of the pipeline. Honours If-Match.");
        api.MapPost("/{id:guid}/verify", Verify)
            .WithName("VerifyCustomerCard")
            .WithSummary("Records that the card was checked with the customer today (last-verified date). Honours If-Match.");
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, ProblemHttpResult>> Handle(
        Guid id, UpdateCustomerRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = request.Profile.Check(new Validation().Limits(request)).Required("ownerId", request.OwnerId).Defined("tier", request.Tier);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        var profile = request.Profile.ToProfile();
        var ownerId = request.OwnerId!.Trim();
        if (ownerId != customer.OwnerId && !user.IsSupervisorOrAdmin)
        {
            return Refusals.OnlyStewards("reassign a customer to another owner");
        }

        if (!user.MayKeep(profile.Region, ownerId))
        {
            return Refusals.Forbidden($"You may not move the customer to region {profile.Region} with owner {ownerId}.");
        }

        customer.Update(profile, ownerId, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Written(customer));
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Reassign(
        Guid id, ReassignOwnerRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("ownerId", request.OwnerId).Required("reason", request.Reason);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        customer.ReassignOwner(request.OwnerId!.Trim(), request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Deregister(
        Guid id, DeregisterRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        customer.Deregister(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Verify(
        Guid id, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (customer, refusal) = await db.FindForChange(id, user, http);
        if (customer is null)
        {
            return refusal!;
        }

        customer.MarkVerified(user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }
}
