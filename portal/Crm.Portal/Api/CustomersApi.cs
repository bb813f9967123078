using Crm.IntegrationEvents;
using Microsoft.AspNetCore.WebUtilities;

namespace Crm.Portal.Api;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public sealed record Customer(
    Guid Id, string Code, string Name, CustomerKind Kind, string Region, string Territory, string Address,
    double? Latitude, double? Longitude, CoordinateDatum Datum, string? Phone, string OwnerId, CustomerTier Tier, CustomerGrade Grade,
    CustomerStatus Status, DateTimeOffset? DeregisteredAt, string? DeregistrationReason, DateTimeOffset? LastVerifiedAt,
    decimal CreditLimit, string CreditCurrency, DateTimeOffset RegisteredAt, long Version, IReadOnlyList<KeyPerson>? KeyPersons);

public sealed record KeyPerson(Guid Id, string Name, string WorkUnit, string Position, string Role, bool HasDecisionPower, string Phone, string Email, string Notes);

public sealed record GradeChange(CustomerGrade? From, CustomerGrade To, string Reason, string ChangedBy, DateTimeOffset ChangedAt, string? SourceId);

/// <summary>A card's profile as the register and edit forms send it; names match the API's fields.</summary>
public sealed class CustomerProfile
{
    public string? Name { get; set; }
    public CustomerKind? Kind { get; set; }
    public string? Region { get; set; }
    public string? Territory { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public CustomerTier? Tier { get; set; } = CustomerTier.Ordinary;
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public CoordinateDatum? Datum { get; set; } = CoordinateDatum.Wgs84;
    public string? OwnerId { get; set; }

    public static CustomerProfile Of(Customer c) => new()
    {
        Name = c.Name, Kind = c.Kind, Region = c.Region, Territory = c.Territory, Address = c.Address, Phone = c.Phone, Tier = c.Tier,
        Latitude = c.Latitude, Longitude = c.Longitude, Datum = c.Datum, OwnerId = c.OwnerId,
    };
}

public sealed record FunnelRow(string Group, int A, int B, int C, int D, int E, int Total);

public sealed record Funnel(DateTimeOffset At, bool FromHistory, string? Region, string? OwnerId, string? GroupBy, IReadOnlyList<FunnelRow> Rows, string Definition);

public sealed record CustomerFilter(string? Q = null, string? Region = null, CustomerGrade? Grade = null, string? OwnerId = null, CustomerStatus? Status = null);

/// <summary>The Customers service's API (<c>/api/customers</c>).</summary>
public sealed class CustomersApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<Customer>> ListAsync(CustomerFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<Customer>>(QueryHelpers.AddQueryString("/api/customers", Query(
            ("q", filter.Q), ("region", filter.Region), ("grade", filter.Grade?.ToString()), ("ownerId", filter.OwnerId),
            ("status", filter.Status?.ToString()), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))), cancellationToken);

    public Task<ApiResult<Customer>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Customer>($"/api/customers/{id}", cancellationToken);

    public Task<IReadOnlyList<GradeChange>> GradeHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<GradeChange>>($"/api/customers/{id}/grade-history", cancellationToken);

    public Task<ApiResult<Customer>> RegisterAsync(CustomerProfile profile, CancellationToken cancellationToken = default) =>
        PostAsync<Customer>("/api/customers", profile, cancellationToken);

    public Task<ApiResult<Customer>> UpdateAsync(Guid id, long version, CustomerProfile profile, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Put, $"/api/customers/{id}", profile, version, cancellationToken);

    public Task<Funnel> FunnelAsync(string? region = null, string? ownerId = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        GetAsync<Funnel>(QueryHelpers.AddQueryString("/api/customers/funnel", Query(("region", region), ("ownerId", ownerId), ("at", at?.ToString("O")))), cancellationToken);

    internal static IEnumerable<KeyValuePair<string, string?>> Query(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Name, p.Value));
}
