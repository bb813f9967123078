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

public enum EvaluationOutcome { Reward, Support, Eliminate }

public enum CreditRating { AAA, AA, A, B, C }

public enum ProposalStatus { Pending, Confirmed, Rejected }

public sealed record CriteriaScores(int Transactions, int Profitability, int Safety, int Growth, int Cooperation);

public sealed record ComplaintContext(int Filed, int Escalated, int ResolvedLate, int Open, double? AverageSatisfaction);

public sealed record Evaluation(
    Guid Id, Guid CustomerId, CriteriaScores Scores, CriteriaScores Weights, decimal Score, EvaluationOutcome Outcome, string Explanation,
    CreditRating CreditRating, ComplaintContext Complaints, string Notes, string EvaluatedBy, DateTimeOffset EvaluatedAt);

/// <summary>A new evaluation as its form holds it; names match the API's fields.</summary>
public sealed class NewEvaluation
{
    public int? Transactions { get; set; }
    public int? Profitability { get; set; }
    public int? Safety { get; set; }
    public int? Growth { get; set; }
    public int? Cooperation { get; set; }
    public CreditRating? CreditRating { get; set; }
    public string? Notes { get; set; }
}

public sealed record EvaluationWeights(
    int Transactions, int Profitability, int Safety, int Growth, int Cooperation, int RewardAtLeast, int EliminateBelow,
    string UpdatedBy, DateTimeOffset UpdatedAt, long Version, string Rule);

/// <summary>The weights and thresholds as their form holds them; names match the API's fields.</summary>
public sealed class WeightsInput
{
    public int? Transactions { get; set; }
    public int? Profitability { get; set; }
    public int? Safety { get; set; }
    public int? Growth { get; set; }
    public int? Cooperation { get; set; }
    public int? RewardAtLeast { get; set; }
    public int? EliminateBelow { get; set; }

    public static WeightsInput Of(EvaluationWeights w) => new()
    {
        Transactions = w.Transactions, Profitability = w.Profitability, Safety = w.Safety, Growth = w.Growth, Cooperation = w.Cooperation,
        RewardAtLeast = w.RewardAtLeast, EliminateBelow = w.EliminateBelow,
    };
}

public sealed record CreditLimitChange(decimal From, decimal To, string Currency, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed class CreditLimitInput
{
    public decimal? Amount { get; set; }
    public string? Reason { get; set; }
}

public sealed class OwnerInput
{
    public string? OwnerId { get; set; }
    public string? Reason { get; set; }
}

public sealed record GradeProposal(
    Guid Id, Guid CustomerId, CustomerGrade ProposedGrade, string Source, string SourceId, string Reason, string ProposedBy,
    DateTimeOffset ProposedAt, ProposalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record DeregistrationProposal(
    Guid Id, Guid CustomerId, string CustomerCode, string CustomerName, string Source, string SourceId, string Reason, string ProposedBy,
    DateTimeOffset ProposedAt, ProposalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>A complaint's steps as the Customers service keeps them in the service history.</summary>
public enum ServiceStepKind { Filed, Routed, Escalated, Resolved, Closed, Reopened }

public sealed record ServiceStep(ServiceStepKind Step, string Details, DateTimeOffset OccurredAt);

public sealed record ComplaintHistory(
    Guid ComplaintId, string Number, ComplaintType Type, ComplaintSeverity Severity, ServiceStepKind LastStep, bool Escalated,
    bool? ResolvedWithinSla, int? Satisfaction, DateTimeOffset FiledAt, IReadOnlyList<ServiceStep> Steps);

public sealed record VisitHistory(
    Guid VisitId, string Number, string OwnerId, bool AdHoc, DateTimeOffset CheckedInAt, DateTimeOffset CheckedOutAt, bool CheckInFlagged,
    string Purpose, int Satisfaction, CustomerGrade? ProposedGrade, DateOnly? NextStepDue);

public sealed record CompanyVisit(Guid ApplicationId, string Number, DateTimeOffset VisitStart, string Outcome, string Impressions, CustomerGrade? ProposedGrade, string RecordedBy);

public sealed record ServiceHistory(
    Guid CustomerId, ComplaintContext LastTwelveMonths, IReadOnlyList<ComplaintHistory> Complaints,
    DateTimeOffset? LastVisitedAt, IReadOnlyList<VisitHistory>? Visits, IReadOnlyList<CompanyVisit>? CompanyVisits);

public sealed record DealerSalesMonth(string Month, decimal NetQuantity, decimal NetAmount, decimal? PlannedAmount, decimal? OnPlanRate);

public sealed record DealerAlert(string Number, string Kind, string Month, string ProductCode, string DeliveredRegion, decimal Amount, string Reason, DateTimeOffset DetectedAt);

public sealed record DealerSales(Guid CustomerId, IReadOnlyList<DealerSalesMonth> Months, decimal NetAmount, decimal? OnPlanRate, IReadOnlyList<DealerAlert> CrossRegionAlerts);

public sealed record UnverifiedCard(Guid Id, string Code, string Name, string Region, CustomerGrade Grade, DateTimeOffset? LastVerifiedAt, DateTimeOffset RegisteredAt);

public sealed record UnverifiedByOwner(string OwnerId, int Count, IReadOnlyList<UnverifiedCard> Cards);

public sealed record UnverifiedReport(int Days, DateTimeOffset VerifiedBefore, int Total, IReadOnlyList<UnverifiedByOwner> Owners);

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

    public Task<IReadOnlyList<Evaluation>> EvaluationsAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Evaluation>>($"/api/customers/{id}/evaluations", cancellationToken);

    public Task<ApiResult<Evaluation>> EvaluateAsync(Guid id, NewEvaluation evaluation, CancellationToken cancellationToken = default) =>
        PostAsync<Evaluation>($"/api/customers/{id}/evaluations", evaluation, cancellationToken);

    public Task<EvaluationWeights> WeightsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<EvaluationWeights>("/api/customers/evaluation-weights", cancellationToken);

    public Task<ApiResult<EvaluationWeights>> SetWeightsAsync(long version, WeightsInput weights, CancellationToken cancellationToken = default) =>
        SendAsync<EvaluationWeights>(HttpMethod.Put, "/api/customers/evaluation-weights", weights, version, cancellationToken);

    public Task<IReadOnlyList<CreditLimitChange>> CreditHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<CreditLimitChange>>($"/api/customers/{id}/credit-history", cancellationToken);

    public Task<ApiResult<Customer>> SetCreditLimitAsync(Guid id, long version, CreditLimitInput input, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Put, $"/api/customers/{id}/credit-limit", input, version, cancellationToken);

    public Task<ApiResult<Customer>> ReassignAsync(Guid id, long version, OwnerInput input, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Post, $"/api/customers/{id}/owner", input, version, cancellationToken);

    public Task<ApiResult<Customer>> VerifyAsync(Guid id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Post, $"/api/customers/{id}/verify", null, version, cancellationToken);

    public Task<IReadOnlyList<GradeProposal>> GradeProposalsAsync(Guid id, ProposalStatus? status = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<GradeProposal>>(WithQuery($"/api/customers/{id}/grade-proposals", ("status", status?.ToString())), cancellationToken);

    /// <summary>Confirms or rejects a grade proposal (<paramref name="decision"/> is "confirm" or "reject"); a rejection needs a note.</summary>
    public Task<ApiResult<GradeProposal>> DecideGradeProposalAsync(Guid id, Guid proposalId, string decision, long version, string? note, CancellationToken cancellationToken = default) =>
        SendAsync<GradeProposal>(HttpMethod.Post, $"/api/customers/{id}/grade-proposals/{proposalId}/{decision}", new { note }, version, cancellationToken);

    public Task<PagedList<DeregistrationProposal>> DeregistrationProposalsAsync(ProposalStatus? status, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<DeregistrationProposal>>(WithQuery("/api/customers/deregistration-proposals",
            ("status", status?.ToString()), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    /// <summary>
    /// Confirms or rejects a deregistration proposal (<paramref name="decision"/> is "confirm" or "reject"); a rejection
    /// needs a note. Decided from the inbox, on the card as it stands: the proposal names no version of it.
    /// </summary>
    public Task<ApiResult<Customer>> DecideDeregistrationAsync(Guid id, Guid proposalId, string decision, string? note, CancellationToken cancellationToken = default) =>
        SendAsync<Customer>(HttpMethod.Post, $"/api/customers/{id}/deregistration-proposals/{proposalId}/{decision}", new { note }, version: null, cancellationToken);

    public Task<ServiceHistory> ServiceHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<ServiceHistory>($"/api/customers/{id}/service-history", cancellationToken);

    public Task<DealerSales> SalesAsync(Guid id, int months = 12, CancellationToken cancellationToken = default) =>
        GetAsync<DealerSales>(WithQuery($"/api/customers/{id}/sales", ("months", Number(months))), cancellationToken);

    public Task<PagedList<AuditEntry>> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        AuditAsync("/api/customers/audit", filter, page, pageSize, cancellationToken);

    public Task<ApiResult<UnverifiedReport>> UnverifiedAsync(int? days, CancellationToken cancellationToken = default) =>
        TryGetAsync<UnverifiedReport>(WithQuery("/api/customers/reports/unverified", ("days", Number(days))), cancellationToken);
}
