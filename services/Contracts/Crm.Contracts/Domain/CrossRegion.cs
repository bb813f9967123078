using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Contracts.Domain;

/// <summary>
/// What a sale broke (窜货、价格管理): goods delivered outside the regions and product lines the dealer's contracts
/// authorise, into a region where another dealer holds exclusive authority, or sold below the product's floor price.
/// </summary>
public enum CrossRegionKind { OutsideAuthority, ExclusiveRegion, BelowFloorPrice }

/// <summary>What the CRM supervisor decides on an alert: a warning, a penalty, a change of authority, or no breach after all.</summary>
public enum CrossRegionDecision { Warning, Penalty, AuthorityChange, Dismissed }

public sealed record CrossRegionResolution(CrossRegionDecision Decision, string Note, string By, DateTimeOffset At);

/// <summary>
/// An alert on a dealer's sales of one product in one month and delivery region (串货预警): who, which product, where, how
/// much, the contracts involved (the dealer's, and the other dealer's exclusive one), until the CRM supervisor resolves it
/// with a decision kept on record. One alert per sale and kind, however often detection runs; sales under an open alert
/// earn no rebate.
/// </summary>
public sealed class CrossRegionAlert : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private CrossRegionAlert()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public CrossRegionKind Kind { get; private init; }
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private init; } = "";

    /// <summary>The selling dealer's region and rep, which scope who sees the alert.</summary>
    public string Region { get; private init; } = "";

    public string OwnerId { get; private init; } = "";
    public DateOnly Month { get; private init; }
    public string ProductCode { get; private init; } = "";
    public string DeliveredRegion { get; private init; } = "";
    public decimal Quantity { get; private init; }
    public decimal Amount { get; private init; }

    /// <summary>Why, in words, with the figures.</summary>
    public string Reason { get; private init; } = "";

    /// <summary>The contracts involved: the dealer's own, and for an exclusive region the other dealer's.</summary>
    public List<string> Contracts { get; private init; } = [];

    public Guid? OtherDealerId { get; private init; }
    public DateTimeOffset DetectedAt { get; private init; }
    public CrossRegionResolution? Resolution { get; private set; }
    public long Version { get; private set; }

    public static CrossRegionAlert Open(string number, CrossRegionKind kind, SalesRecord sale, string customerName, string reason,
        IReadOnlyList<string> contracts, Guid? otherDealerId, DateTimeOffset at)
    {
        var alert = new CrossRegionAlert
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            Kind = kind,
            CustomerId = sale.CustomerId,
            CustomerName = customerName,
            Region = sale.Region,
            OwnerId = sale.OwnerId,
            Month = sale.Month,
            ProductCode = sale.ProductCode,
            DeliveredRegion = sale.DeliveredRegion,
            Quantity = sale.NetQuantity,
            Amount = sale.NetAmount,
            Reason = reason,
            Contracts = [.. contracts],
            OtherDealerId = otherDealerId,
            DetectedAt = at,
            Version = 1,
        };
        alert.Raise(new CrossRegionSaleDetectedDomainEvent(alert.Id, number, kind, sale.CustomerId, sale.Month, sale.ProductCode, sale.DeliveredRegion,
            sale.NetQuantity, sale.NetAmount, reason, alert.Contracts, otherDealerId, at));
        return alert;
    }

    public void Resolve(CrossRegionDecision decision, string note, string by, DateTimeOffset at)
    {
        if (Resolution is not null)
        {
            throw new DomainRuleException($"Alert {Number} was resolved by {Resolution.By} ({Resolution.Decision}).");
        }

        Resolution = new CrossRegionResolution(decision, note, by, at);
        Version++;
    }
}

/// <summary>A sale broke the dealers' authority or the floor price; the alert says who, what, where, how much and why.</summary>
public sealed record CrossRegionSaleDetectedDomainEvent(
    Guid AlertId, string Number, CrossRegionKind Kind, Guid CustomerId, DateOnly Month, string ProductCode, string DeliveredRegion,
    decimal Quantity, decimal Amount, string Reason, IReadOnlyList<string> Contracts, Guid? OtherDealerId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// The rules of cross-region selling (窜货) and price control, over the business authority of the contracts in force in
/// a month: a dealer may deliver a product line only into regions its own contracts authorise for that line, never into
/// a region where another dealer holds exclusive authority for it, and never below the product's floor price.
/// </summary>
public static class CrossRegionRules
{
    /// <summary>The authority a contract grants in a month: who, which regions and lines, exclusive or not.</summary>
    public sealed record Grant(Guid CustomerId, string ContractNumber, DistributionKind Kind, IReadOnlyList<string> Regions, IReadOnlyList<string> ProductLines);

    /// <summary>A month's grants, looked up by dealer and by exclusive region (a detection run checks every sale against them).</summary>
    public sealed class Grants(IEnumerable<Grant> grants)
    {
        private readonly ILookup<Guid, Grant> byDealer = grants.ToLookup(g => g.CustomerId);
        private readonly ILookup<string, Grant> exclusiveByRegion = grants.Where(g => g.Kind == DistributionKind.Exclusive)
            .SelectMany(g => g.Regions.Select(region => (region, g))).ToLookup(x => x.region, x => x.g);

        public IEnumerable<Grant> Of(Guid customerId) => byDealer[customerId];

        public IEnumerable<Grant> ExclusiveIn(string region) => exclusiveByRegion[region];
    }

    /// <summary>The grants of the contracts in force over some of the month (signed, active or expired since).</summary>
    public static Grants GrantsIn(IEnumerable<Contract> contracts, DateOnly month) => new(InForce(contracts, month));

    private static IEnumerable<Grant> InForce(IEnumerable<Contract> contracts, DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        foreach (var c in contracts)
        {
            if (c.Status is ContractStatus.Signed or ContractStatus.Active or ContractStatus.Expired
                && c.Terms.Authority is { Kind: { } kind, Regions: { } regions, ProductLines: { } lines, From: { } from, Until: { } until }
                && from <= last && until >= month)
            {
                yield return new Grant(c.CustomerId, c.Number, kind, regions, lines);
            }
        }
    }

    /// <summary>What <paramref name="sale"/> breaks, each with its reason and the contracts involved.</summary>
    public static IEnumerable<(CrossRegionKind Kind, string Reason, IReadOnlyList<string> Contracts, Guid? OtherDealer)> Breaches(
        SalesRecord sale, Product product, Grants grants)
    {
        var own = grants.Of(sale.CustomerId).Where(g => g.ProductLines.Contains(product.ProductLine)).ToList();
        if (!own.Any(g => g.Regions.Contains(sale.DeliveredRegion)))
        {
            yield return (CrossRegionKind.OutsideAuthority,
                $"{sale.NetQuantity:0.##} {product.Unit} of {product.Code} ({product.ProductLine}) delivered to {sale.DeliveredRegion}, " +
                (own.Count == 0 ? $"but no contract in force authorises the dealer for {product.ProductLine}." : $"outside the regions its contracts authorise: {string.Join(", ", own.SelectMany(g => g.Regions).Distinct())}."),
                own.Select(g => g.ContractNumber).ToList(), null);
        }

        foreach (var exclusive in grants.ExclusiveIn(sale.DeliveredRegion).Where(g => g.CustomerId != sale.CustomerId && g.ProductLines.Contains(product.ProductLine)))
        {
            yield return (CrossRegionKind.ExclusiveRegion,
                $"{sale.NetQuantity:0.##} {product.Unit} of {product.Code} delivered to {sale.DeliveredRegion}, where contract {exclusive.ContractNumber} gives another dealer exclusive authority for {product.ProductLine}.",
                [.. own.Select(g => g.ContractNumber), exclusive.ContractNumber], exclusive.CustomerId);
        }

        if (sale.NetQuantity > 0 && decimal.Round(sale.NetAmount / sale.NetQuantity, 2) < product.FloorPrice)
        {
            yield return (CrossRegionKind.BelowFloorPrice,
                $"{product.Code} sold at {sale.NetAmount / sale.NetQuantity:0.00} CNY a {product.Unit}, below its floor price of {product.FloorPrice:0.00}.",
                own.Select(g => g.ContractNumber).ToList(), null);
        }
    }
}
