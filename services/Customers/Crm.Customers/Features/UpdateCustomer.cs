using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
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
    [property: MaxLength(CustomerLimits.Phone)] string? Phone = null)
{
    [JsonIgnore]
    public ProfileInput Profile => new(Name, Kind, Region, Territory, Address, Latitude, Longitude, Phone, Tier);
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
            .WithSummary("Hands the customer to another rep, with a reason. CRM supervisor or admin only. Honours If-Match.");
        api.MapPost("/{id:guid}/deregister", Deregister)
            .WithName("DeregisterCustomer")
            .WithSummary("Deregisters an invalid customer (注销) with a reason: kept, never deleted, out of the pipeline.");
        api.MapPost("/{id:guid}/verify", Verify)
            .WithName("VerifyCustomerCard")
            .WithSummary("Records that the card was checked with the customer today (last-verified date).");
    }

    private static async Task<IResult> Handle(Guid id, UpdateCustomerRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = request.Profile.Check(new Validation().Limits(request)).Required("ownerId", request.OwnerId).Defined("tier", request.Tier);
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
        var changes = customer.UpdateProfile(profile).ToList();
        if (customer.ReassignOwner(ownerId) is { } owner)
        {
            changes.Add(owner);
        }

        if (changes.Count > 0)
        {
            var now = time.GetUtcNow();
            db.EnqueueEvent(CustomerEventMapping.Updated(customer, changes, now));
            db.AuditChanges(user, AuditActions.ProfileChanged, customer.Id, changes, now);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Written(customer));
    }

    private static async Task<IResult> Reassign(Guid id, ReassignOwnerRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("ownerId", request.OwnerId).Required("reason", request.Reason);
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
        if (customer.ReassignOwner(request.OwnerId!.Trim()) is { } change)
        {
            var now = time.GetUtcNow();
            db.EnqueueEvent(CustomerEventMapping.Updated(customer, [change], now));
            db.Audit(user, AuditActions.OwnerReassigned, customer.Id, new { changes = new[] { change }, reason = request.Reason!.Trim() }, now);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<IResult> Deregister(Guid id, DeregisterRequest request, CustomersDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
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
        var now = time.GetUtcNow();
        customer.Deregister(request.Reason!.Trim(), now);
        db.EnqueueEvent(CustomerEventMapping.Deregistered(customer, user.Id, now));
        db.AuditChanges(user, AuditActions.Deregistered, customer.Id,
            [new FieldChange("status", nameof(CustomerStatus.Active), nameof(CustomerStatus.Deregistered)), new FieldChange("deregistrationReason", null, customer.DeregistrationReason)], now);
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

        var now = time.GetUtcNow();
        var previous = customer.LastVerifiedAt;
        customer.MarkVerified(now);
        db.AuditChanges(user, AuditActions.Verified, customer.Id, [new FieldChange("lastVerifiedAt", previous?.ToString("O"), now.ToString("O"))], now);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }
}
