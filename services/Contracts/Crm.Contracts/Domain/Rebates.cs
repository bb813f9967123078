namespace Crm.Contracts.Domain;

/// <summary>
/// How often a contract's rebate tiers start again from nothing (返利周期): once over its whole effective period (the
/// default), or every year, half-year or quarter of it, counted in whole months from its first month.
/// </summary>
public enum RebatePeriod { Term, Year, HalfYear, Quarter }

/// <summary>A rebate period of a contract: its first and last month (each as the month's first day).</summary>
public sealed record RebateWindow(DateOnly First, DateOnly Last)
{
    public bool Holds(DateOnly month) => month >= First && month <= Last;
}

/// <summary>A month's net sales under a contract: what was recorded, and how much of it alerts hold back.</summary>
public sealed record RebateMonth(DateOnly Month, decimal NetAmount, decimal Withheld)
{
    public decimal Eligible => NetAmount - Withheld;
}

/// <summary>A month's accrual: the eligible net sales so far in the period and the rebate they have earned.</summary>
public sealed record RebateAccrual(RebateMonth Sales, decimal CumulativeEligible, decimal Accrued, decimal AccruedToDate);

/// <summary>
/// The rebate rules (返利) of the distribution policy: tiers are stepped, each rate applying only to its own band of the
/// period's eligible net sales (not the top rate to the whole amount); the rebate accrues month by month as sales are
/// recorded; what is due is what the period has earned so far less what its settlements already paid; sales under a
/// 窜货 or price alert earn nothing until the alert is cleared.
/// </summary>
public static class RebateRules
{
    /// <summary>The rebate that <paramref name="netSales"/> earns under stepped <paramref name="tiers"/> (rising thresholds).</summary>
    public static decimal Stepped(decimal netSales, IReadOnlyList<RebateTier> tiers)
    {
        var rebate = 0m;
        for (var i = 0; i < tiers.Count; i++)
        {
            var from = tiers[i].From ?? 0;
            var upTo = i + 1 < tiers.Count ? tiers[i + 1].From ?? decimal.MaxValue : decimal.MaxValue;
            if (netSales > from)
            {
                rebate += (Math.Min(netSales, upTo) - from) * (tiers[i].Rate ?? 0);
            }
        }

        return decimal.Round(rebate, 2);
    }

    /// <summary>
    /// The periods of an effective period: from its first month to its last, cut every year, half-year or quarter
    /// (the last one shorter when the term does not divide), or the whole term as one.
    /// </summary>
    public static IReadOnlyList<RebateWindow> Periods(DateOnly effectiveFrom, DateOnly effectiveUntil, RebatePeriod period)
    {
        var first = new DateOnly(effectiveFrom.Year, effectiveFrom.Month, 1);
        var last = new DateOnly(effectiveUntil.Year, effectiveUntil.Month, 1);
        if (period == RebatePeriod.Term)
        {
            return [new RebateWindow(first, last)];
        }

        var months = period switch { RebatePeriod.Year => 12, RebatePeriod.HalfYear => 6, _ => 3 };
        var windows = new List<RebateWindow>();
        for (var start = first; start <= last; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months - 1);
            windows.Add(new RebateWindow(start, end < last ? end : last));
        }

        return windows;
    }

    /// <summary>Whether an alert keeps its sale out of rebates: while it is open, and for good when it ended in a penalty.</summary>
    public static bool Withholds(CrossRegionResolution? resolution) => resolution is null || resolution.Decision == CrossRegionDecision.Penalty;

    /// <summary>The month-by-month accrual of a period: each month's rebate is what the period has earned to its end less what it had earned before.</summary>
    public static IReadOnlyList<RebateAccrual> Accrue(IEnumerable<RebateMonth> months, IReadOnlyList<RebateTier> tiers)
    {
        var accruals = new List<RebateAccrual>();
        var cumulative = 0m;
        var earned = 0m;
        foreach (var month in months.OrderBy(m => m.Month))
        {
            cumulative += month.Eligible;
            var toDate = Stepped(cumulative, tiers);
            accruals.Add(new RebateAccrual(month, cumulative, toDate - earned, toDate));
            earned = toDate;
        }

        return accruals;
    }
}

/// <summary>A rebate period of a contract as it stands: its accrual month by month and the settlements made against it.</summary>
public sealed record RebatePeriodAccount(RebateWindow Window, IReadOnlyList<RebateAccrual> Accruals, IReadOnlyList<RebateSettlement> Settlements)
{
    public decimal Earned => Accruals.Count == 0 ? 0 : Accruals[^1].AccruedToDate;

    /// <summary>What its settlements paid, net of take-backs.</summary>
    public decimal Settled => Settlements.Sum(s => s.Amount);

    public decimal Due => Earned - Settled;

    /// <summary>The accrual up to and including <paramref name="month"/>.</summary>
    public IReadOnlyList<RebateAccrual> Through(DateOnly month) => [.. Accruals.Where(a => a.Sales.Month <= month)];
}

/// <summary>
/// A rebate settlement (返利结算): paying what a period of a contract has earned through a month, net of what the
/// period's earlier settlements paid (negative when a later penalty took back sales already paid for). Settlements of a
/// contract's period are numbered 1, 2, ... and the number is a unique key, so two people settling at once cannot both pay.
/// </summary>
public sealed class RebateSettlement
{
    public Guid Id { get; init; }
    public Guid ContractId { get; init; }
    public string ContractNumber { get; init; } = "";
    public Guid CustomerId { get; init; }
    public DateOnly PeriodFirst { get; init; }
    public DateOnly PeriodLast { get; init; }
    public int Sequence { get; init; }

    /// <summary>The last month the settlement covers (its first day).</summary>
    public DateOnly Through { get; init; }

    public decimal EligibleNetSales { get; init; }
    public decimal Withheld { get; init; }
    public decimal Earned { get; init; }
    public decimal PaidBefore { get; init; }
    public decimal Amount { get; init; }
    public string Note { get; init; } = "";
    public string SettledBy { get; init; } = "";
    public DateTimeOffset SettledAt { get; init; }
}
