using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Contracts.Domain;

/// <summary>What the rules do with a contract that would take its customer over the credit limit.</summary>
public enum OverCreditAction { ExtraStep, Refuse }

/// <summary>
/// A rule of the approval chain: a contract it takes adds its roles to the chain. It takes a contract whose value is at
/// least <see cref="MinValue"/> (CNY), or that grants exclusive authority, or that deviates from the template's
/// clauses, as it says; a rule with no condition takes every contract.
/// </summary>
public sealed record ContractApprovalRule(
    [property: MaxLength(ContractLimits.Name)] string Name,
    [property: Range(typeof(decimal), "0", Crm.BuildingBlocks.Money.MaxAmount)] decimal? MinValue,
    bool? ExclusiveAuthority,
    bool? NonStandardClauses,
    [property: MaxLength(4)] IReadOnlyList<string> Roles)
{
    public bool Takes(decimal value, bool exclusive, bool nonStandard) =>
        (MinValue is null || value >= MinValue) && (ExclusiveAuthority != true || exclusive) && (NonStandardClauses != true || nonStandard);
}

/// <summary>One step of a contract's chain: the role that decides it and why it is there (the rules that added it).</summary>
public sealed record ApprovalStep(string Role, string Why);

/// <summary>
/// The contract approval rules the CRM supervisor keeps: every rule that takes a contract adds its roles, and the chain
/// runs from the branch up (<see cref="Seniority"/>), each role once. A contract that would take its customer over the
/// credit limit gets <see cref="CreditRole"/> as an extra step, or is refused, as <see cref="OverCredit"/> says.
/// Seeded with the company's practice (<see cref="Documented"/>).
/// </summary>
public sealed class ContractApprovalRuleSet : AggregateRoot
{
    public const int Current = 1;

    /// <summary>The roles that may approve contracts, from the branch up: the order of every chain.</summary>
    public static readonly IReadOnlyList<string> Seniority = [Roles.BranchManager, Roles.RegionalDirector, Roles.MarketingGM, Roles.Chairman];

    private ContractApprovalRuleSet()
    {
    }

    public int Id { get; private init; } = Current;
    public List<ContractApprovalRule> Rules { get; private set; } = [];
    public OverCreditAction OverCredit { get; private set; }
    public string CreditRole { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>0 while the documented rules apply (nothing stored yet).</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Every contract: the branch manager. From 500,000 CNY or with exclusive authority: the regional director too.
    /// From 2,000,000 CNY or with clauses that deviate from the template: the marketing GM too. Over the credit limit:
    /// the marketing GM as an extra step.
    /// </summary>
    public static ContractApprovalRuleSet Documented(DateTimeOffset at) => new()
    {
        Rules =
        [
            new("Every contract (所有合同)", null, null, null, [Roles.BranchManager]),
            new("From 500,000 CNY (50 万元以上)", 500_000m, null, null, [Roles.RegionalDirector]),
            new("Exclusive authority (独家经销)", null, true, null, [Roles.RegionalDirector]),
            new("From 2,000,000 CNY (200 万元以上)", 2_000_000m, null, null, [Roles.MarketingGM]),
            new("Non-standard clauses (非标准条款)", null, null, true, [Roles.MarketingGM]),
        ],
        OverCredit = OverCreditAction.ExtraStep,
        CreditRole = Roles.MarketingGM,
        UpdatedAt = at,
        UpdatedBy = "platform",
    };

    /// <summary>
    /// The chain of <paramref name="contract"/>: its value, its authority, its clauses against the template version it was
    /// drafted from (non-standard when that version is unknown), and its credit check.
    /// </summary>
    public IReadOnlyList<ApprovalStep> ChainFor(Contract contract, ContractTemplate? template, CreditCheck credit) =>
        ChainFor(contract.Value.Amount, contract.Terms.Authority?.Kind == DistributionKind.Exclusive,
            template is null || contract.Terms.DeviatesFrom(template.Clauses), credit);

    /// <summary>
    /// The chain of a contract of this value and authority, its clauses standard or not, and its credit check: each role
    /// once, from the branch up, with the rules that put it there. Over the limit with <see cref="OverCreditAction.Refuse"/>
    /// refuses the submission, naming the figures.
    /// </summary>
    public IReadOnlyList<ApprovalStep> ChainFor(decimal value, bool exclusive, bool nonStandard, CreditCheck credit)
    {
        var why = new Dictionary<string, List<string>>();
        foreach (var rule in Rules.Where(r => r.Takes(value, exclusive, nonStandard)))
        {
            foreach (var role in rule.Roles)
            {
                (why.TryGetValue(role, out var reasons) ? reasons : why[role] = []).Add(rule.Name);
            }
        }

        if (credit.IsOver)
        {
            if (OverCredit == OverCreditAction.Refuse)
            {
                throw new DomainRuleException($"{credit.Explanation} The rules refuse contracts over the credit limit.");
            }

            (why.TryGetValue(CreditRole, out var reasons) ? reasons : why[CreditRole] = []).Add($"Over the credit limit: {credit.Explanation}");
        }

        if (why.Count == 0)
        {
            throw new DomainRuleException("No approval rule takes this contract; the CRM supervisor's rules must have one for every contract.");
        }

        return why.OrderBy(w => Rank(w.Key)).Select(w => new ApprovalStep(w.Key, string.Join("; ", w.Value))).ToList();
    }

    public void Replace(IReadOnlyList<ContractApprovalRule> rules, OverCreditAction overCredit, string creditRole, string by, DateTimeOffset at)
    {
        Rules = [.. rules];
        OverCredit = overCredit;
        CreditRole = creditRole;
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
    }

    private static int Rank(string role) => Seniority.ToList().IndexOf(role) is var i and >= 0 ? i : Seniority.Count;
}

/// <summary>
/// The credit check of a contract (客户信用管理): a contract on credit (paid some days after delivery) is checked against
/// the customer's limit and what it already owes on contracts on credit that are approved, signed or in force (its
/// exposure). A contract paid before shipment extends no credit and is never over; a limit of 0 allows no credit at all.
/// </summary>
public sealed record CreditCheck(bool OnCredit, decimal? Limit, decimal Exposure, decimal Value, string Currency)
{
    public bool IsOver => OnCredit && Limit is { } limit && Exposure + Value > limit;

    public string Explanation =>
        !OnCredit ? "Paid before shipment: the contract extends no credit."
        : Limit is null ? "The customer has no credit limit on record."
        : $"Exposure {Exposure:N2} {Currency} + this contract {Value:N2} {Currency} = {Exposure + Value:N2} {Currency} against the credit limit of {Limit:N2} {Currency}.";
}
