using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;

namespace Crm.Contracts.Domain;

/// <summary>Who pays the freight (运费承担): the company that sells, or the dealer that buys.</summary>
public enum FreightPaidBy { Seller, Buyer }

/// <summary>Exclusive distribution (独家经销) keeps a region's product lines for one dealer; general (一般经销) does not.</summary>
public enum DistributionKind { General, Exclusive }

/// <summary>Part 1, one line of the subject (标的): a product of the catalogue, its quantity and its agreed unit price.</summary>
public sealed record SubjectLine(
    [property: MaxLength(ContractLimits.Code)] string? ProductCode,
    [property: Range(typeof(decimal), "0", "999999999", MinimumIsExclusive = true)] decimal? Quantity,
    [property: Range(typeof(decimal), "0", "999999999", MinimumIsExclusive = true)] decimal? UnitPrice);

/// <summary>Part 3, delivery (交货): when, where, how, and who pays the freight.</summary>
public sealed record Delivery(
    [property: MaxLength(ContractLimits.Clause)] string? Terms,
    [property: MaxLength(ContractLimits.Line)] string? Place,
    [property: MaxLength(ContractLimits.Line)] string? Transport,
    FreightPaidBy? FreightPaidBy);

/// <summary>
/// Part 5, the business authority (经营权限) the contract grants: the dealer's level, exclusive or general distribution,
/// in which regions, for which product lines, and for how long.
/// </summary>
public sealed record BusinessAuthority(
    [property: MaxLength(ContractLimits.Name)] string? Level,
    DistributionKind? Kind,
    [property: MaxLength(20), ItemMaxLength(ContractLimits.Region)] IReadOnlyList<string>? Regions,
    [property: MaxLength(20), ItemMaxLength(ContractLimits.Code)] IReadOnlyList<string>? ProductLines,
    DateOnly? From,
    DateOnly? Until);

/// <summary>Part 6, settlement (结算方式): how and within how many days the dealer pays.</summary>
public sealed record Settlement(
    [property: MaxLength(ContractLimits.Clause)] string? Method,
    [property: Range(0, 365)] int? PaymentDays);

/// <summary>
/// A rebate tier (返利档): from this much net sales in a period on, this rate applies to the band above it, stepped
/// (each tier to its own band), not averaged.
/// </summary>
public sealed record RebateTier(
    [property: Range(typeof(decimal), "0", Crm.BuildingBlocks.Money.MaxAmount)] decimal? From,
    [property: Range(typeof(decimal), "0", "0.5")] decimal? Rate);

/// <summary>
/// Part 7, the distribution policy (分销政策): rebate tiers over each rebate period's net sales (the whole term unless
/// said otherwise), annual bonus, promotion, advertising and staff support.
/// </summary>
public sealed record DistributionPolicy(
    [property: MaxLength(10)] IReadOnlyList<RebateTier>? RebateTiers,
    RebatePeriod? RebatePeriod,
    [property: Range(typeof(decimal), "0", "0.5")] decimal? AnnualBonusRate,
    [property: MaxLength(ContractLimits.Clause)] string? Promotion,
    [property: MaxLength(ContractLimits.Clause)] string? Advertising,
    [property: MaxLength(ContractLimits.Clause)] string? StaffSupport);

/// <summary>Part 10, signing (签订): where, and the period the contract is in effect.</summary>
public sealed record SigningTerms(
    [property: MaxLength(ContractLimits.Line)] string? Place,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveUntil);

/// <summary>Part 11, a party (双方信息): registered name, address, contact, representatives, bank, account and tax number.</summary>
public sealed record Party(
    [property: MaxLength(ContractLimits.Name)] string? RegisteredName,
    [property: MaxLength(ContractLimits.Line)] string? Address,
    [property: MaxLength(ContractLimits.Name)] string? Contact,
    [property: MaxLength(ContractLimits.Phone)] string? Phone,
    [property: MaxLength(ContractLimits.Name)] string? LegalRepresentative,
    [property: MaxLength(ContractLimits.Name)] string? SigningRepresentative,
    [property: MaxLength(ContractLimits.Name)] string? Bank,
    [property: MaxLength(ContractLimits.Account)] string? Account,
    [property: MaxLength(ContractLimits.Account)] string? TaxNumber);

/// <summary>
/// The standard contract (标准合同文本) in its 11 parts (DOMAIN.md, Contracts). A draft may leave any of it open; a
/// contract is submitted for approval only when every required part is complete (<see cref="Missing"/>).
/// </summary>
public sealed record ContractTerms(
    [property: MaxLength(ContractLimits.Lines)] IReadOnlyList<SubjectLine>? Subject,
    [property: MaxLength(ContractLimits.Clause)] string? Quality,
    Delivery? Delivery,
    [property: MaxLength(ContractLimits.Clause)] string? Acceptance,
    BusinessAuthority? Authority,
    Settlement? Settlement,
    DistributionPolicy? Policy,
    [property: MaxLength(ContractLimits.Clause)] string? OrderingAndReturns,
    [property: MaxLength(ContractLimits.Clause)] string? BreachAndDisputes,
    SigningTerms? Signing,
    Party? Seller,
    Party? Buyer)
{
    public static readonly ContractTerms Empty = new(null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>
    /// What is still missing before the contract can be submitted, each as the JSON path of the field and the rule:
    /// every part but the distribution policy's optional items is required, the subject's products must be in the
    /// catalogue, and the authority's and the effective period's dates must be in order.
    /// </summary>
    public IReadOnlyList<(string Field, string Rule)> Missing(IReadOnlyDictionary<string, Product> catalogue)
    {
        var missing = new List<(string, string)>();
        void Need(string field, string? value, string part)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(($"terms.{field}", $"Required before submission ({part})."));
            }
        }

        if (Subject is not { Count: > 0 })
        {
            missing.Add(("terms.subject", "At least one product line is required before submission (part 1, subject)."));
        }
        else
        {
            for (var i = 0; i < Subject.Count; i++)
            {
                var line = Subject[i];
                if (line.ProductCode is null || !catalogue.ContainsKey(line.ProductCode))
                {
                    missing.Add(($"terms.subject[{i}].productCode", "A product of the catalogue (part 1, subject)."));
                }

                if (line.Quantity is null)
                {
                    missing.Add(($"terms.subject[{i}].quantity", "Required before submission (part 1, subject)."));
                }

                if (line.UnitPrice is null)
                {
                    missing.Add(($"terms.subject[{i}].unitPrice", "Required before submission (part 1, subject)."));
                }
            }
        }

        Need("quality", Quality, "part 2, quality");
        Need("delivery.terms", Delivery?.Terms, "part 3, delivery");
        Need("delivery.place", Delivery?.Place, "part 3, delivery");
        Need("delivery.transport", Delivery?.Transport, "part 3, delivery");
        if (Delivery?.FreightPaidBy is null)
        {
            missing.Add(("terms.delivery.freightPaidBy", "Required before submission (part 3, delivery): Seller or Buyer."));
        }

        Need("acceptance", Acceptance, "part 4, acceptance");
        Need("authority.level", Authority?.Level, "part 5, business authority");
        if (Authority?.Kind is null)
        {
            missing.Add(("terms.authority.kind", "Required before submission (part 5, business authority): General or Exclusive."));
        }

        if (Authority?.Regions is not { Count: > 0 })
        {
            missing.Add(("terms.authority.regions", "At least one region is required before submission (part 5, business authority)."));
        }

        if (Authority?.ProductLines is not { Count: > 0 })
        {
            missing.Add(("terms.authority.productLines", "At least one product line is required before submission (part 5, business authority)."));
        }

        if (Authority is not { From: { } from, Until: { } until } || until < from)
        {
            missing.Add(("terms.authority.until", "The authority's term, from and until in order, is required before submission (part 5)."));
        }

        Need("settlement.method", Settlement?.Method, "part 6, settlement");
        if (Policy is null)
        {
            missing.Add(("terms.policy", "Required before submission (part 7, distribution policy); its items may be empty."));
        }
        else if (Policy.RebateTiers is { Count: > 0 } tiers)
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                if (tiers[i] is not { From: not null, Rate: not null })
                {
                    missing.Add(($"terms.policy.rebateTiers[{i}]", "Each rebate tier needs its threshold (from) and its rate (part 7)."));
                }
            }

            if (tiers.Zip(tiers.Skip(1)).Any(p => p.First?.From >= p.Second?.From))
            {
                missing.Add(("terms.policy.rebateTiers", "Rebate tiers in rising order of their thresholds (part 7)."));
            }
        }

        Need("orderingAndReturns", OrderingAndReturns, "part 8, ordering and returns");
        Need("breachAndDisputes", BreachAndDisputes, "part 9, breach and disputes");
        Need("signing.place", Signing?.Place, "part 10, signing");
        if (Signing is not { EffectiveFrom: { } effective, EffectiveUntil: { } ends } || ends < effective)
        {
            missing.Add(("terms.signing.effectiveUntil", "The effective period, from and until in order, is required before submission (part 10)."));
        }

        foreach (var (name, party) in new[] { ("seller", Seller), ("buyer", Buyer) })
        {
            Need($"{name}.registeredName", party?.RegisteredName, "part 11, parties");
            Need($"{name}.address", party?.Address, "part 11, parties");
            Need($"{name}.contact", party?.Contact, "part 11, parties");
            Need($"{name}.legalRepresentative", party?.LegalRepresentative, "part 11, parties");
            Need($"{name}.signingRepresentative", party?.SigningRepresentative, "part 11, parties");
            Need($"{name}.bank", party?.Bank, "part 11, parties");
            Need($"{name}.account", party?.Account, "part 11, parties");
            Need($"{name}.taxNumber", party?.TaxNumber, "part 11, parties");
        }

        return missing;
    }

    /// <summary>Whether the dealer pays some days after delivery, so that the contract extends credit.</summary>
    public bool OnCredit() => Settlement?.PaymentDays > 0;

    /// <summary>The contract's value: the sum of its subject lines.</summary>
    public decimal TotalValue() => Subject?.Sum(l => decimal.Round((l?.Quantity ?? 0) * (l?.UnitPrice ?? 0), 2)) ?? 0;

    /// <summary>
    /// Whether a standard clause (quality, acceptance, ordering and returns, breach and disputes, settlement method) says
    /// something else than the template's: such a contract takes the approval rules' non-standard step.
    /// </summary>
    public bool DeviatesFrom(StandardClauses standard) =>
        !Same(Quality, standard.Quality) || !Same(Acceptance, standard.Acceptance) || !Same(OrderingAndReturns, standard.OrderingAndReturns)
        || !Same(BreachAndDisputes, standard.BreachAndDisputes) || !Same(Settlement?.Method, standard.Settlement);

    private static bool Same(string? clause, string standard) => string.Equals(clause?.Trim(), standard.Trim(), StringComparison.Ordinal);
}

/// <summary>The limits of a contract's text, stated once for the request schema, the columns and the checks.</summary>
public static class ContractLimits
{
    public const int Code = 30;
    public const int Region = 50;
    public const int Name = 200;
    public const int Line = 500;
    public const int Clause = 4000;
    public const int Phone = 50;
    public const int Account = 60;
    public const int Lines = 200;
    public const int Reason = 1000;
}
