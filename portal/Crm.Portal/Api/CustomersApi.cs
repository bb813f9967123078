using Crm.IntegrationEvents;

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

public sealed record FunnelCounts(DateTimeOffset At, bool FromHistory, string? Region, string? OwnerId, string? GroupBy, IReadOnlyList<FunnelRow> Rows, string Definition);

public sealed record ConversionRate(string Stage, CustomerGrade From, CustomerGrade To, int Cohort, int Converted, decimal? Rate);

public sealed record Conversions(DateTimeOffset From, DateTimeOffset To, string? Region, string? OwnerId, IReadOnlyList<ConversionRate> Rates, string Definition);

public sealed record PlanStep(
    CustomerGrade Grade, long? Needed, int Current, long? Shortfall, string? Stage, decimal? Rate, string? RateSource, int? Cohort, int? Converted, string Formula);

public sealed record Plan(
    decimal SalesTarget, decimal AverageOrderSize, string? Region, string? OwnerId, DateTimeOffset RatesFrom, DateTimeOffset RatesTo,
    IReadOnlyList<PlanStep> Steps, IReadOnlyList<CustomerGrade> ShortAt, CustomerGrade? BreaksAt, string Summary, string ConversionDefinition);

/// <summary>The planning calculator's inputs as its form holds them; rates are fractions (0.25 = 25 %).</summary>
public sealed class PlanInput
{
    public decimal? SalesTarget { get; set; }
    public decimal? AverageOrderSize { get; set; }
    public decimal? RateEtoD { get; set; }
    public decimal? RateDtoC { get; set; }
    public decimal? RateCtoB { get; set; }
    public decimal? RateBtoA { get; set; }
}

public enum ImportOutcome { Created, Updated, Unchanged, Rejected }

public sealed record ImportRowResult(int Row, string? Code, ImportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportReport(int Rows, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRowResult> Results);

public sealed record CustomerFilter(string? Q = null, string? Region = null, CustomerGrade? Grade = null, string? OwnerId = null, CustomerStatus? Status = null);

/// <summary>The Customers service's API (<c>/api/customers</c>).</summary>
public sealed class CustomersApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<Customer>> ListAsync(CustomerFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<Customer>>(WithQuery("/api/customers",
            ("q", filter.Q), ("region", filter.Region), ("grade", filter.Grade?.ToString()), ("ownerId", filter.OwnerId),
            ("status", filter.Status?.ToString()), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<ApiResult<Customer>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Customer>($"/api/customers/{id}", cancellationToken);

    public Task<IReadOnlyList<GradeChange>> GradeHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<GradeChange>>($"/api/customers/{id}/grade-history", cancellationToken);

    public Task<ApiResult<Customer>> RegisterAsync(CustomerProfile profile, CancellationToken cancellationToken = default) =>
        PostAsync<Customer>("/api/customers", profile, cancellationToken);

    public Task<ApiResult<Customer>> UpdateAsync(Guid id, long version, CustomerProfile profile, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Put, $"/api/customers/{id}", profile, version, cancellationToken);

    public Task<(byte[] Content, string FileName)> ExportAsync(CustomerFilter filter, CancellationToken cancellationToken = default) =>
        DownloadAsync(WithQuery("/api/customers/export", ("q", filter.Q), ("grade", filter.Grade?.ToString())), cancellationToken);

    public Task<ApiResult<ImportReport>> ImportAsync(Stream csv, string fileName, CancellationToken cancellationToken = default) =>
        UploadAsync<ImportReport>("/api/customers/import", "file", fileName, csv, cancellationToken);

    public Task<FunnelCounts> FunnelAsync(string? region = null, string? ownerId = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        GetAsync<FunnelCounts>(WithQuery("/api/customers/funnel", ("region", region), ("ownerId", ownerId), ("at", at?.ToString("O"))), cancellationToken);

    public Task<Conversions> ConversionsAsync(DateTimeOffset? from, DateTimeOffset? to, string? region = null, string? ownerId = null, CancellationToken cancellationToken = default) =>
        GetAsync<Conversions>(WithQuery("/api/customers/funnel/conversions",
            ("from", from?.ToString("O")), ("to", to?.ToString("O")), ("region", region), ("ownerId", ownerId)), cancellationToken);

    public Task<ApiResult<Plan>> PlanAsync(PlanInput input, string? region = null, string? ownerId = null, CancellationToken cancellationToken = default) =>
        TryGetAsync<Plan>(WithQuery("/api/customers/funnel/plan",
            ("salesTarget", Number(input.SalesTarget)), ("averageOrderSize", Number(input.AverageOrderSize)),
            ("rateEtoD", Number(input.RateEtoD)), ("rateDtoC", Number(input.RateDtoC)), ("rateCtoB", Number(input.RateCtoB)), ("rateBtoA", Number(input.RateBtoA)),
            ("region", region), ("ownerId", ownerId)), cancellationToken);
}
