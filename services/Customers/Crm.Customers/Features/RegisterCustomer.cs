using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record RegisterCustomerRequest(
    [property: MaxLength(CustomerLimits.Name)] string? Name,
    CustomerKind? Kind,
    [property: MaxLength(CustomerLimits.Region)] string? Region,
    [property: MaxLength(CustomerLimits.Address)] string? Address = null,
    [property: MaxLength(CustomerLimits.UserId)] string? OwnerId = null,
    CustomerTier? Tier = null,
    CustomerGrade? Grade = null,
    [property: MaxLength(CustomerLimits.Code)] string? Code = null,
    [property: MaxLength(CustomerLimits.Territory)] string? Territory = null,
    [property: Range(-90, 90)] double? Latitude = null,
    [property: Range(-180, 180)] double? Longitude = null,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone = null,
    [property: Description("The datum of the coordinates: Wgs84 (GPS, the default), Gcj02 (AMap, Tencent) or Bd09 (Baidu).")] CoordinateDatum? Datum = null)
{
    [JsonIgnore]
    public ProfileInput Profile => new(Name, Kind, Region, Territory, Address, Latitude, Longitude, Phone, Tier, Datum);
}

public static class RegisterCustomer
{
    public static void MapRegisterCustomer(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<CustomersDbContext>()
            .WithName("RegisterCustomer")
            .WithSummary("Registers a customer card; a new customer starts at grade E unless told otherwise.");

    private static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterCustomerRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = request.Profile.Check(new Validation().Limits(request));
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var ownerId = string.IsNullOrWhiteSpace(request.OwnerId) ? user.Id : request.OwnerId.Trim();
        var region = request.Region!.Trim();
        if (!user.MayKeep(region, ownerId))
        {
            return Refusals.Forbidden($"You may not register a customer in region {region} for owner {ownerId}.");
        }

        var code = string.IsNullOrWhiteSpace(request.Code) ? NewCode() : request.Code.Trim();
        if (await db.Customers.AnyAsync(c => c.Code == code, http.RequestAborted))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.BusinessRule, title: "Refused by a business rule", detail: $"A customer with code {code} already exists.");
        }

        var now = time.GetUtcNow();
        var customer = Customer.Register(code, request.Profile.ToProfile(), ownerId, request.Grade ?? CustomerGrade.E, user.Id, now);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/customers/{customer.Id}", CustomerResponse.Written(customer));
    }

    private static string NewCode() => $"CU-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";
}
