using System.Globalization;

namespace Crm.Portal.Api;

public enum ContractStatus { Draft, Submitted, InApproval, Returned, Rejected, Approved, Signed, Active, Expired, Terminated, Superseded }

public enum ContractDecisionKind { Approve, Return, Reject }

public enum CrossRegionKind { OutsideAuthority, ExclusiveRegion, BelowFloorPrice }

public enum CrossRegionDecision { Warning, Penalty, AuthorityChange, Dismissed }

public enum PerformanceGrouping { Dealer, Rep, Region }

public enum FreightPaidBy { Seller, Buyer }

public enum DistributionKind { General, Exclusive }

public enum RebatePeriod { Term, Year, HalfYear, Quarter }

public enum OverCreditAction { ExtraStep, Refuse }

public enum SalesImportOutcome { Recorded, Rejected }

public sealed record Money(decimal Amount, string Currency);

public sealed record ApprovalStep(string Role, string Why);

public sealed record ContractDecision(string Role, ContractDecisionKind Decision, string By, DateTimeOffset At, string? Comment);

public sealed record CreditCheck(bool OnCredit, decimal? Limit, decimal Exposure, decimal Value, string Currency);

public sealed record ContractSummary(Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string Title, Money Value, ContractStatus Status, string? WaitingFor, long Version);

public sealed record Contract(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, string Title, Money Value, ContractStatus Status,
    string TemplateCode, int TemplateVersion, IReadOnlyList<ApprovalStep> Chain, string? WaitingFor, IReadOnlyList<ContractDecision> Decisions,
    CreditCheck? Credit, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SubmittedAt, string? DocumentHash, DateTimeOffset? SignedAt,
    string? SignedBy, long Version, ContractTerms Terms, Signature? Signature = null, string? TerminationReason = null, Guid? AmendsContractId = null,
    Guid? RenewsContractId = null, string? SucceededBy = null, string? LapseReason = null);

/// <summary>The signature (签订): when and where, who signed for each side, and the custodian who holds the original.</summary>
public sealed record Signature(DateOnly SignedOn, string Place, string CompanySignatory, string CustomerSignatory, string Custodian, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>What the signature form sends; blanks take the contract's own terms (place, signing representatives).</summary>
public sealed class SignatureForm
{
    public DateOnly? SignedOn { get; set; }
    public string? Place { get; set; }
    public string? CompanySignatory { get; set; }
    public string? CustomerSignatory { get; set; }
    public string? Custodian { get; set; }
}

public sealed record EndingContract(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, ContractStatus Status, DateOnly EffectiveUntil, int DaysLeft,
    string? SucceededBy, string? LapseReason);

public sealed record RenewalsCount(string Region, string OwnerId, int Ending, int Renewed, int LetLapse);

public sealed record RenewalsReport(DateOnly Today, int WithinDays, IReadOnlyList<EndingContract> Contracts, IReadOnlyList<RenewalsCount> ByOwner);

public sealed record RebateMonthLine(string Month, decimal NetAmount, decimal Withheld, decimal Eligible, decimal CumulativeEligible, decimal Accrued, decimal AccruedToDate);

public sealed record RebateSettlement(
    Guid Id, string ContractNumber, string PeriodFirst, string PeriodLast, int Sequence, string Through, decimal EligibleNetSales, decimal Withheld,
    decimal Earned, decimal PaidBefore, decimal Amount, string Note, string SettledBy, DateTimeOffset SettledAt);

public sealed record RebatePeriodStatement(
    string First, string Last, IReadOnlyList<RebateMonthLine> Months, decimal EligibleNetSales, decimal Withheld, decimal Earned, decimal Settled, decimal Due,
    IReadOnlyList<RebateSettlement> Settlements);

public sealed record RebateStatement(
    Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, RebatePeriod Period, IReadOnlyList<RebateTier> Tiers,
    IReadOnlyList<string> ProductLines, IReadOnlyList<RebatePeriodStatement> Periods, decimal Earned, decimal Settled, decimal Due);

/// <summary>A product of the catalogue a subject line names.</summary>
public sealed record Product(string Code, string Name, string ProductLine, string Brand, string Specification, string Unit, decimal ListPrice, decimal FloorPrice);

/// <summary>A version of a standard contract text; its clauses fill a new draft.</summary>
public sealed record ContractTemplate(string Code, int Version, string Name, DateTimeOffset PublishedAt, string PublishedBy, TemplateClauses? Clauses = null);

/// <summary>
/// A template's standard clauses and the company's party details, as the API reads and writes them (PUT /templates/{code}
/// publishes them whole); mutable, since the publishing form edits them in place.
/// </summary>
public sealed class TemplateClauses
{
    public string? Quality { get; set; }
    public string? DeliveryTerms { get; set; }
    public string? Acceptance { get; set; }
    public string? Settlement { get; set; }
    public string? OrderingAndReturns { get; set; }
    public string? BreachAndDisputes { get; set; }
    public Party Seller { get; set; } = new();
}

/// <summary>A contract approval rule: a contract it takes (by value, exclusive authority, clauses off the template) adds its roles to the chain.</summary>
public sealed record ContractApprovalRule(string Name, decimal? MinValue, bool? ExclusiveAuthority, bool? NonStandardClauses, IReadOnlyList<string> Roles);

public sealed record ContractApprovalRules(
    IReadOnlyList<ContractApprovalRule> Rules, OverCreditAction OverCredit, string CreditRole, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

/// <summary>A contract approval rule being edited; the names match the API's (<c>rules[i].*</c>). An unticked condition is no condition.</summary>
public sealed class ContractApprovalRuleRow
{
    public string? Name { get; set; }
    public decimal? MinValue { get; set; }
    public bool ExclusiveAuthority { get; set; }
    public bool NonStandardClauses { get; set; }
    public IEnumerable<string> Roles { get; set; } = [];

    public static ContractApprovalRuleRow From(ContractApprovalRule rule) => new()
    {
        Name = rule.Name, MinValue = rule.MinValue, ExclusiveAuthority = rule.ExclusiveAuthority == true, NonStandardClauses = rule.NonStandardClauses == true,
        Roles = rule.Roles,
    };
}

/// <summary>A product's monthly target of a sales plan; mutable, since the plan's form edits it in place.</summary>
public sealed class PlanLine
{
    public string? ProductCode { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Amount { get; set; }
}

public sealed record SalesPlan(
    Guid CustomerId, string CustomerName, string Region, string OwnerId, string Month, IReadOnlyList<PlanLine> Lines, decimal PlannedAmount,
    string Progress, string Support, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

/// <summary>A dealer's sales of a product delivered to a region in a month; mutable, since the records' form edits it in place.</summary>
public sealed class SalesRow
{
    public string? ProductCode { get; set; }
    public string? DeliveredRegion { get; set; }
    public decimal? GrossQuantity { get; set; }
    public decimal? NetQuantity { get; set; }
    public decimal? NetAmount { get; set; }
    public decimal? StockQuantity { get; set; }
    public decimal? SlowMovingQuantity { get; set; }
}

public sealed record SalesDealer(Guid Id, string Code, string Name, string Region);

public sealed record SalesMonth(Guid CustomerId, string Month, IReadOnlyList<SalesRow> Rows, decimal NetAmount, decimal? PlannedAmount, long Version);

public sealed record SalesImportRow(int Row, string? CustomerCode, SalesImportOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record SalesImportReport(int Rows, int Recorded, int Rejected, int DealerMonths, IReadOnlyList<SalesImportRow> Results);

/// <summary>
/// The 11 parts of a contract as the API reads and writes them (PUT /{id}/terms replaces them whole); mutable, since the
/// drafting steps edit them in place.
/// </summary>
public sealed class ContractTerms
{
    public List<SubjectLine> Subject { get; set; } = [];
    public string? Quality { get; set; }
    public Delivery Delivery { get; set; } = new();
    public string? Acceptance { get; set; }
    public BusinessAuthority Authority { get; set; } = new();
    public Settlement Settlement { get; set; } = new();
    public DistributionPolicy Policy { get; set; } = new();
    public string? OrderingAndReturns { get; set; }
    public string? BreachAndDisputes { get; set; }
    public SigningTerms Signing { get; set; } = new();
    public Party Seller { get; set; } = new();
    public Party Buyer { get; set; } = new();

    /// <summary>The API leaves a part null until someone fills it; the drafting steps edit every part in place.</summary>
    public ContractTerms WithEveryPart()
    {
        Subject ??= [];
        Delivery ??= new();
        Authority ??= new();
        Authority.Regions ??= [];
        Authority.ProductLines ??= [];
        Settlement ??= new();
        Policy ??= new();
        Policy.RebateTiers ??= [];
        Signing ??= new();
        Seller ??= new();
        Buyer ??= new();
        return this;
    }
}

public sealed class SubjectLine
{
    public string? ProductCode { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
}

public sealed class Delivery
{
    public string? Terms { get; set; }
    public string? Place { get; set; }
    public string? Transport { get; set; }
    public FreightPaidBy? FreightPaidBy { get; set; }
}

public sealed class BusinessAuthority
{
    public string? Level { get; set; }
    public DistributionKind? Kind { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<string> ProductLines { get; set; } = [];
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
}

public sealed class Settlement
{
    public string? Method { get; set; }
    public int? PaymentDays { get; set; }
}

public sealed class RebateTier
{
    public decimal? From { get; set; }
    public decimal? Rate { get; set; }
}

public sealed class DistributionPolicy
{
    public List<RebateTier> RebateTiers { get; set; } = [];
    public RebatePeriod? RebatePeriod { get; set; }
    public decimal? AnnualBonusRate { get; set; }
    public string? Promotion { get; set; }
    public string? Advertising { get; set; }
    public string? StaffSupport { get; set; }
}

public sealed class SigningTerms
{
    public string? Place { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveUntil { get; set; }
}

public sealed class Party
{
    public string? RegisteredName { get; set; }
    public string? Address { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? SigningRepresentative { get; set; }
    public string? Bank { get; set; }
    public string? Account { get; set; }
    public string? TaxNumber { get; set; }
}

public sealed record PerformanceRow(string Key, string Name, decimal Planned, decimal Actual, decimal? Completion);

public sealed record PerformanceMonth(string Month, decimal Planned, decimal Actual, decimal? Completion);

public sealed record SalesPerformance(string Month, PerformanceGrouping By, IReadOnlyList<PerformanceRow> Rows, IReadOnlyList<PerformanceMonth> Trend);

public sealed record CrossRegionResolution(CrossRegionDecision Decision, string Note, string By, DateTimeOffset At);

public sealed record CrossRegionAlert(
    Guid Id, string Number, CrossRegionKind Kind, Guid CustomerId, string CustomerName, string Region, string OwnerId, string Month, string ProductCode,
    string DeliveredRegion, decimal Quantity, decimal Amount, string Reason, IReadOnlyList<string> Contracts, DateTimeOffset DetectedAt,
    CrossRegionResolution? Resolution, long Version);

/// <summary>The Contracts service's API (<c>/api/contracts</c>).</summary>
public sealed class ContractsApi(HttpClient http) : ApiClient(http)
{
    public Task<PagedList<AuditEntry>> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        AuditAsync("/api/contracts/audit", filter, page, pageSize, cancellationToken);

    public Task<PagedList<ContractSummary>> ListAsync(int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ContractSummary>>(WithQuery("/api/contracts", ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<PagedList<ContractSummary>> InboxAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ContractSummary>>("/api/contracts/inbox?pageSize=100", cancellationToken);

    public Task<ApiResult<Contract>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Contract>($"/api/contracts/{id}", cancellationToken);

    public Task<IReadOnlyList<Product>> CatalogueAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Product>>("/api/contracts/catalogue", cancellationToken);

    /// <summary>A template's current version, or the one given.</summary>
    public Task<ApiResult<ContractTemplate>> TemplateAsync(string code, int? version = null, CancellationToken cancellationToken = default) =>
        TryGetAsync<ContractTemplate>(version is null
            ? $"/api/contracts/templates/{Uri.EscapeDataString(code)}"
            : $"/api/contracts/templates/{Uri.EscapeDataString(code)}/versions/{Number(version)}", cancellationToken);

    public Task<PagedList<ContractTemplate>> TemplatesAsync(int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ContractTemplate>>(WithQuery("/api/contracts/templates", ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    /// <summary>Publishes the template's next version; <paramref name="version"/> is its current one (0 for a new template).</summary>
    public Task<ApiResult<ContractTemplate>> PublishTemplateAsync(string code, long version, string? name, TemplateClauses clauses, CancellationToken cancellationToken = default) =>
        SendAsync<ContractTemplate>(HttpMethod.Put, $"/api/contracts/templates/{Uri.EscapeDataString(code)}", new { name, clauses }, version, cancellationToken);

    public Task<ContractApprovalRules> ApprovalRulesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ContractApprovalRules>("/api/contracts/approval-rules", cancellationToken);

    public Task<ApiResult<ContractApprovalRules>> ReplaceApprovalRulesAsync(
        long version, IReadOnlyList<ContractApprovalRuleRow> rules, OverCreditAction? overCredit, string? creditRole, CancellationToken cancellationToken = default) =>
        SendAsync<ContractApprovalRules>(HttpMethod.Put, "/api/contracts/approval-rules", new
        {
            // An unticked condition is sent as none, as the API reads a rule without it.
            rules = rules.Select(r => new { r.Name, r.MinValue, ExclusiveAuthority = r.ExclusiveAuthority ? true : (bool?)null, NonStandardClauses = r.NonStandardClauses ? true : (bool?)null, r.Roles }),
            overCredit,
            creditRole,
        }, version, cancellationToken);

    /// <summary>A dealer's plan for the month; not found until someone sets it.</summary>
    public Task<ApiResult<SalesPlan>> SalesPlanAsync(Guid customerId, DateOnly month, CancellationToken cancellationToken = default) =>
        TryGetAsync<SalesPlan>($"/api/contracts/sales-plans/{customerId}/{Month(month)}", cancellationToken);

    /// <summary>Sets the dealer's plan for the month; <paramref name="version"/> is the plan's (0 before the first).</summary>
    public Task<ApiResult<SalesPlan>> SetSalesPlanAsync(
        Guid customerId, DateOnly month, long version, IReadOnlyList<PlanLine> lines, string? progress, string? support, CancellationToken cancellationToken = default) =>
        SendAsync<SalesPlan>(HttpMethod.Put, $"/api/contracts/sales-plans/{customerId}/{Month(month)}", new { lines, progress, support }, version, cancellationToken);

    /// <summary>The dealers whose sales the user records: those matching <paramref name="search"/>, or the one <paramref name="id"/> names.</summary>
    public Task<PagedList<SalesDealer>> SalesDealersAsync(string? search, Guid? id = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<SalesDealer>>(WithQuery("/api/contracts/sales-records/dealers", ("q", search), ("id", id?.ToString()), ("pageSize", "20")), cancellationToken);

    public Task<ApiResult<SalesMonth>> SalesMonthAsync(Guid customerId, DateOnly month, CancellationToken cancellationToken = default) =>
        TryGetAsync<SalesMonth>($"/api/contracts/sales-records/{customerId}/{Month(month)}", cancellationToken);

    public Task<ApiResult<SalesMonth>> RecordSalesAsync(Guid customerId, DateOnly month, long version, IReadOnlyList<SalesRow> rows, CancellationToken cancellationToken = default) =>
        SendAsync<SalesMonth>(HttpMethod.Put, $"/api/contracts/sales-records/{customerId}/{Month(month)}", new { rows }, version, cancellationToken);

    public Task<ApiResult<SalesImportReport>> ImportSalesAsync(Stream csv, CancellationToken cancellationToken = default) =>
        PostFileAsync<SalesImportReport>("/api/contracts/sales-records/import", csv, "text/csv", cancellationToken);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public Task<ApiResult<Contract>> DraftAsync(Guid? customerId, string? title, string? templateCode, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>("/api/contracts", new { customerId, title, templateCode }, cancellationToken);

    public Task<ApiResult<Contract>> ReviseAsync(Guid id, long version, string? title, ContractTerms terms, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Put, $"/api/contracts/{id}/terms", new { title, terms }, version, cancellationToken);

    public Task<ApiResult<Contract>> SubmitAsync(Guid id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Post, $"/api/contracts/{id}/submit", null, version, cancellationToken);

    public Task<ApiResult<Contract>> SignAsync(Guid id, long version, SignatureForm signature, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Post, $"/api/contracts/{id}/sign", signature, version, cancellationToken);

    /// <summary>A new version of the contract, drafted from its terms.</summary>
    public Task<ApiResult<Contract>> AmendAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"/api/contracts/{id}/amend", null, cancellationToken);

    /// <summary>The contract's next term, drafted from its terms.</summary>
    public Task<ApiResult<Contract>> RenewAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"/api/contracts/{id}/renew", null, cancellationToken);

    public Task<ApiResult<Contract>> TerminateAsync(Guid id, long version, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Post, $"/api/contracts/{id}/terminate", new { reason }, version, cancellationToken);

    public Task<ApiResult<Contract>> LetLapseAsync(Guid id, long version, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Post, $"/api/contracts/{id}/let-lapse", new { reason }, version, cancellationToken);

    public Task<RenewalsReport> RenewalsAsync(int withinDays, CancellationToken cancellationToken = default) =>
        GetAsync<RenewalsReport>(WithQuery("/api/contracts/renewals", ("withinDays", Number(withinDays))), cancellationToken);

    public Task<ApiResult<RebateStatement>> RebatesAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<RebateStatement>($"/api/contracts/{id}/rebates", cancellationToken);

    public Task<ApiResult<RebateSettlement>> SettleRebateAsync(Guid id, DateOnly? through, string? note, CancellationToken cancellationToken = default) =>
        PostAsync<RebateSettlement>($"/api/contracts/{id}/rebates/settlements",
            new { through = through?.ToString("yyyy-MM", CultureInfo.InvariantCulture), note }, cancellationToken);

    public Task<ApiResult<Contract>> DecideAsync(Guid id, long version, ContractDecisionKind decision, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<Contract>(HttpMethod.Post, $"/api/contracts/{id}/decide", new { decision, comment }, version, cancellationToken);

    public Task<(byte[] Content, string FileName)> DocumentAsync(Guid id, CancellationToken cancellationToken = default) =>
        DownloadAsync($"/api/contracts/{id}/document", cancellationToken);

    public Task<SalesPerformance> PerformanceAsync(DateOnly month, PerformanceGrouping by, CancellationToken cancellationToken = default) =>
        GetAsync<SalesPerformance>(WithQuery("/api/contracts/sales-performance",
            ("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("by", by.ToString())), cancellationToken);

    public Task<PagedList<CrossRegionAlert>> AlertsAsync(bool openOnly, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<CrossRegionAlert>>(WithQuery("/api/contracts/cross-region-alerts", ("pageSize", "100"), ("open", openOnly ? "true" : null)), cancellationToken);

    public Task<ApiResult<CrossRegionAlert>> ResolveAlertAsync(Guid id, long version, CrossRegionDecision? decision, string? note, CancellationToken cancellationToken = default) =>
        SendAsync<CrossRegionAlert>(HttpMethod.Post, $"/api/contracts/cross-region-alerts/{id}/resolve", new { decision, note }, version, cancellationToken);
}
