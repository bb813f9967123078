using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Domain;

/// <summary>Scheduled visits (定时参观) are planned by the company; ad-hoc ones (临时参观) are asked for by the customer.</summary>
public enum VisitKind { AdHoc, Scheduled }

/// <summary>What a step asks of its approver: to review, to approve, or (scheduled visits) to prepare the programme.</summary>
public enum StepAction { Review, Approve, Prepare }

/// <summary>How the approvers and the host are told before the visit: by phone, or by the notice form.</summary>
public enum NoticeBy { Phone, Form }

/// <summary>One step of a chain: the role that takes it and what it does.</summary>
public sealed record ChainStep(string Role, StepAction Action);

/// <summary>
/// A rule of the approval chain (DOMAIN.md, Hospitality): which applications it takes (scheduled ones, key or group
/// customers, or every other), the steps in order, and the notice the application must leave before the visit.
/// </summary>
/// <param name="Scheduled">Takes scheduled visits (true), ad-hoc ones (false) or both (null).</param>
/// <param name="Tiers">Takes customers of these tiers; with <paramref name="Kinds"/>, a customer matching either is taken. Both empty: every customer.</param>
public sealed record ApprovalRule(
    string Name, bool? Scheduled, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerKind> Kinds, IReadOnlyList<ChainStep> Steps,
    int NoticeHours, NoticeBy NoticeBy)
{
    public bool Matches(VisitKind kind, CustomerTier tier, CustomerKind customerKind) =>
        (Scheduled is null || Scheduled == (kind == VisitKind.Scheduled))
        && ((Tiers.Count == 0 && Kinds.Count == 0) || Tiers.Contains(tier) || Kinds.Contains(customerKind));
}

/// <summary>
/// The approval rules the CRM supervisor keeps, as one versioned set read in order: the first rule that matches an
/// application decides its chain. Seeded with the company's documented rules (<see cref="Documented"/>).
/// </summary>
public sealed class ApprovalRuleSet : AggregateRoot
{
    public const int Current = 1;

    private ApprovalRuleSet()
    {
    }

    /// <summary>One row: the set in force.</summary>
    public int Id { get; private init; } = Current;

    public List<ApprovalRule> Rules { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public long Version { get; private set; }

    /// <summary>
    /// Scheduled visits: the marketing GM prepares content, scope and route, the chairman approves, a day's notice.
    /// Key and group customers: the regional director reviews, the marketing GM approves, the notice form a day before.
    /// Ordinary customers: the branch manager reviews, the regional director approves, a phone call an hour before.
    /// Version 0: in force until the CRM supervisor stores rules of their own.
    /// </summary>
    public static ApprovalRuleSet Documented(DateTimeOffset at) => new()
    {
        Rules =
        [
            new("Scheduled visit (定时参观)", true, [], [], [new(Roles.MarketingGM, StepAction.Prepare), new(Roles.Chairman, StepAction.Approve)], 24, NoticeBy.Form),
            new("Key or group customer (重点、集团客户)", null, [CustomerTier.Key], [CustomerKind.Group],
                [new(Roles.RegionalDirector, StepAction.Review), new(Roles.MarketingGM, StepAction.Approve)], 24, NoticeBy.Form),
            new("Ordinary customer (一般客户)", null, [], [], [new(Roles.BranchManager, StepAction.Review), new(Roles.RegionalDirector, StepAction.Approve)], 1, NoticeBy.Phone),
        ],
        UpdatedAt = at,
        UpdatedBy = "platform",
    };

    /// <summary>The first rule that takes the application; a set always ends with one that takes every customer.</summary>
    public ApprovalRule For(VisitKind kind, CustomerTier tier, CustomerKind customerKind) =>
        Rules.FirstOrDefault(r => r.Matches(kind, tier, customerKind))
        ?? throw new DomainRuleException("No approval rule takes this application; the CRM supervisor's rules must end with one for every customer.");

    public void Replace(IReadOnlyList<ApprovalRule> rules, string by, DateTimeOffset at)
    {
        Rules = [.. rules];
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
    }
}
