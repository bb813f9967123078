using System.Globalization;

namespace Crm.Portal.Api;

public enum ContractStatus { Draft, Submitted, InApproval, Returned, Rejected, Approved, Signed, Active, Expired, Terminated, Superseded }

public enum ContractDecisionKind { Approve, Return, Reject }

public enum CrossRegionKind { OutsideAuthority, ExclusiveRegion, BelowFloorPrice }

public enum CrossRegionDecision { Warning, Penalty, AuthorityChange, Dismissed }

public enum PerformanceGrouping { Dealer, Rep, Region }

public sealed record Money(decimal Amount, string Currency);

public sealed record ApprovalStep(string Role, string Why);

public sealed record ContractDecision(string Role, ContractDecisionKind Decision, string By, DateTimeOffset At, string? Comment);

public sealed record CreditCheck(bool OnCredit, decimal? Limit, decimal Exposure, decimal Value, string Currency);

public sealed record ContractSummary(Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string Title, Money Value, ContractStatus Status, string? WaitingFor, long Version);

public sealed record Contract(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, string Title, Money Value, ContractStatus Status,
    string TemplateCode, int TemplateVersion, IReadOnlyList<ApprovalStep> Chain, string? WaitingFor, IReadOnlyList<ContractDecision> Decisions,
    CreditCheck? Credit, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SubmittedAt, string? DocumentHash, DateTimeOffset? SignedAt,
    string? SignedBy, long Version);

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
    public Task<PagedList<ContractSummary>> ListAsync(int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ContractSummary>>(WithQuery("/api/contracts", ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    public Task<PagedList<ContractSummary>> InboxAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ContractSummary>>("/api/contracts/inbox?pageSize=100", cancellationToken);

    public Task<ApiResult<Contract>> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        TryGetAsync<Contract>($"/api/contracts/{id}", cancellationToken);

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
