using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Contracts.Features;

public sealed record SettleRebateRequest([property: MaxLength(7)] string? Through, [property: MaxLength(ContractLimits.Reason)] string? Note);

public sealed record RebateMonthLine(string Month, decimal NetAmount, decimal Withheld, decimal Eligible, decimal CumulativeEligible, decimal Accrued, decimal AccruedToDate);

public sealed record RebateSettlementResponse(
    Guid Id, string ContractNumber, string PeriodFirst, string PeriodLast, int Sequence, string Through, decimal EligibleNetSales, decimal Withheld,
    decimal Earned, decimal PaidBefore, decimal Amount, string Note, string SettledBy, DateTimeOffset SettledAt)
{
    public static RebateSettlementResponse From(RebateSettlement s) =>
        new(s.Id, s.ContractNumber, SalesMonth.Text(s.PeriodFirst), SalesMonth.Text(s.PeriodLast), s.Sequence, SalesMonth.Text(s.Through),
            s.EligibleNetSales, s.Withheld, s.Earned, s.PaidBefore, s.Amount, s.Note, s.SettledBy, s.SettledAt);
}

/// <param name="Earned">What the period's eligible net sales have earned so far under the stepped tiers.</param>
/// <param name="Settled">What its settlements paid (net of take-backs), for this contract and the versions it amends.</param>
/// <param name="Due">Earned less settled: what a settlement through the period's latest month would pay now.</param>
public sealed record RebatePeriodStatement(
    string First, string Last, IReadOnlyList<RebateMonthLine> Months, decimal EligibleNetSales, decimal Withheld, decimal Earned, decimal Settled, decimal Due,
    IReadOnlyList<RebateSettlementResponse> Settlements);

public sealed record RebateStatement(
    Guid ContractId, string ContractNumber, Guid CustomerId, string CustomerName, RebatePeriod Period, IReadOnlyList<RebateTier> Tiers,
    IReadOnlyList<string> ProductLines, IReadOnlyList<RebatePeriodStatement> Periods, decimal Earned, decimal Settled, decimal Due);

/// <summary>
/// Rebates (返利) from a contract's distribution policy: the statement accrues them month by month from the dealer's
/// sales records (net amount of the contract's product lines, stepped tiers per rebate period, sales under a 窜货 or
/// price alert held back until the CRM supervisor clears it, for good after a penalty), and a settlement pays what a
/// period has earned through a month that has ended, net of what its earlier settlements paid. Whoever sees the contract
/// sees its statement; dealer administration of its region and the CRM supervisor settle.
/// </summary>
public static class Rebates
{
    private static readonly ContractStatus[] InForce = [ContractStatus.Signed, ContractStatus.Active, ContractStatus.Expired, ContractStatus.Terminated];

    public static void MapRebates(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/rebates", Get)
            .WithName("GetRebateStatement")
            .WithSummary("The contract's rebate statement: each rebate period month by month (net sales, withheld, eligible, accrued), its settlements and what is due.");
        api.MapPost("/{id:guid}/rebates/settlements", Settle)
            .WithName("SettleRebate")
            .WithSummary("Settles a rebate period through an ended month (yyyy-MM): pays what it has earned less what it paid before.");
    }

    /// <summary>Dealer administration of the contract's region and the CRM supervisor pay rebates.</summary>
    public static bool MaySettleRebates(this CurrentUser user, Contract contract) =>
        user.IsSupervisorOrAdmin || (user.IsInRole(Roles.DealerAdministrator) && user.Regions.Contains(contract.Region));

    private static bool MaySeeRebates(this CurrentUser user, Contract contract) => user.MaySeeContract(contract) || user.MaySettleRebates(contract);

    private static async Task<Results<Ok<RebateStatement>, NotFound>> Get(Guid id, ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !user.MaySeeRebates(contract))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await StatementAsync(db, contract, cancellationToken));
    }

    private static async Task<Results<Ok<RebateSettlementResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Settle(
        Guid id, SettleRebateRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, IOptions<ContractsOptions> options, HttpContext http)
    {
        var validation = new Validation().Limits(request);
        if (!SalesMonth.TryParse(request.Through, out var through))
        {
            validation.Add("through", "The last month to settle, as yyyy-MM, such as 2026-03.");
        }

        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (contract is null || !user.MaySeeRebates(contract))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        if (validation.IsValid && through >= new DateOnly(today.Year, today.Month, 1))
        {
            validation.Add("through", $"A month that has ended: {SalesMonth.Text(through)} is not over yet.");
        }

        var periods = (await AccountsAsync(db, contract, http.RequestAborted)).Periods;
        var period = validation.IsValid ? periods.FirstOrDefault(p => p.Window.Holds(through)) : null;
        if (validation.IsValid && period is null)
        {
            validation.Add("through", periods.Count == 0
                ? $"Contract {contract.Number} has no rebate periods (no effective period or no rebate tiers)."
                : $"A month of the contract's rebate periods, {SalesMonth.Text(periods[0].Window.First)} to {SalesMonth.Text(periods[^1].Window.Last)}.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (!user.MaySettleRebates(contract))
        {
            return Refusals.Forbidden($"Only dealer administration of {contract.Region} and the CRM supervisor settle rebates.");
        }

        if (!InForce.Contains(contract.Status))
        {
            throw new DomainRuleException($"Contract {contract.Number} is {contract.Status}; rebates are settled on signed contracts only.");
        }

        var (first, last) = (SalesMonth.Text(period!.Window.First), SalesMonth.Text(period.Window.Last));
        var previous = period.Settlements.LastOrDefault();
        if (previous is not null && previous.Through > through)
        {
            throw new DomainRuleException($"Settlement {previous.Sequence} of the period {first} to {last} already covers up to {SalesMonth.Text(previous.Through)}.");
        }

        var upTo = period.Through(through);
        var earned = upTo.Count == 0 ? 0 : upTo[^1].AccruedToDate;
        var amount = earned - period.Settled;
        if (amount == 0)
        {
            throw new DomainRuleException($"Nothing is due for {first} to {SalesMonth.Text(through)}: earned {earned:N2} CNY, paid {period.Settled:N2} CNY already.");
        }

        var settlement = new RebateSettlement
        {
            Id = Guid.CreateVersion7(now),
            ContractId = contract.Id,
            ContractNumber = contract.Number,
            CustomerId = contract.CustomerId,
            PeriodFirst = period.Window.First,
            PeriodLast = period.Window.Last,
            Sequence = (previous?.Sequence ?? 0) + 1,
            Through = through,
            EligibleNetSales = upTo.Count == 0 ? 0 : upTo[^1].CumulativeEligible,
            Withheld = upTo.Sum(a => a.Sales.Withheld),
            Earned = earned,
            PaidBefore = period.Settled,
            Amount = amount,
            Note = request.Note?.Trim() ?? "",
            SettledBy = user.Id,
            SettledAt = now,
        };
        db.RebateSettlements.Add(settlement);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (UniqueKeys.IsViolation(e))
        {
            // Two people settling the same period at once both take the next number; the unique key lets one pay.
            throw new DomainRuleException($"Settlement {settlement.Sequence} of the period {first} to {last} was made meanwhile. Reload the statement and try again.");
        }

        return TypedResults.Ok(RebateSettlementResponse.From(settlement));
    }

    /// <summary>The contract's statement as the records, alerts and settlements now stand.</summary>
    public static async Task<RebateStatement> StatementAsync(ContractsDbContext db, Contract contract, CancellationToken cancellationToken)
    {
        var (tiers, kind, lines, periods) = await AccountsAsync(db, contract, cancellationToken);
        var statements = periods.Select(p => new RebatePeriodStatement(SalesMonth.Text(p.Window.First), SalesMonth.Text(p.Window.Last),
            p.Accruals.Select(a => new RebateMonthLine(SalesMonth.Text(a.Sales.Month), a.Sales.NetAmount, a.Sales.Withheld, a.Sales.Eligible, a.CumulativeEligible, a.Accrued, a.AccruedToDate)).ToList(),
            p.Accruals.Count == 0 ? 0 : p.Accruals[^1].CumulativeEligible, p.Accruals.Sum(a => a.Sales.Withheld), p.Earned, p.Settled, p.Due,
            p.Settlements.Select(RebateSettlementResponse.From).ToList())).ToList();
        return new RebateStatement(contract.Id, contract.Number, contract.CustomerId, contract.CustomerName, kind, tiers, lines, statements,
            periods.Sum(p => p.Earned), periods.Sum(p => p.Settled), periods.Sum(p => p.Due));
    }

    /// <summary>
    /// The contract's rebate periods as the records, alerts and settlements now stand. A superseded contract's settlements
    /// count for the amendment that replaced it, so an amendment never pays again what its predecessor paid.
    /// </summary>
    private static async Task<(IReadOnlyList<RebateTier> Tiers, RebatePeriod Kind, IReadOnlyList<string> Lines, IReadOnlyList<RebatePeriodAccount> Periods)> AccountsAsync(
        ContractsDbContext db, Contract contract, CancellationToken cancellationToken)
    {
        var tiers = contract.Terms.Policy?.RebateTiers?.Where(t => t is { From: not null, Rate: not null }).OrderBy(t => t.From).ToList() ?? [];
        var kind = contract.Terms.Policy?.RebatePeriod ?? RebatePeriod.Term;
        var lines = contract.Terms.Authority?.ProductLines ?? [];
        var windows = InForce.Contains(contract.Status) && tiers.Count > 0 && contract.Terms.Signing is { EffectiveFrom: { } from, EffectiveUntil: { } until } && until >= from
            ? RebateRules.Periods(from, until, kind)
            : [];
        if (windows.Count == 0)
        {
            return (tiers, kind, lines, []);
        }

        var (first, last) = (windows[0].First, windows[^1].Last);
        var catalogue = await db.CatalogueAsync(cancellationToken);
        var sales = await db.SalesRecords.AsNoTracking()
            .Where(r => r.CustomerId == contract.CustomerId && r.Month >= first && r.Month <= last)
            .Select(r => new { r.Month, r.ProductCode, r.DeliveredRegion, r.NetAmount })
            .ToListAsync(cancellationToken);
        var alerts = await db.CrossRegionAlerts.AsNoTracking()
            .Where(a => a.CustomerId == contract.CustomerId && a.Month >= first && a.Month <= last)
            .Select(a => new { a.Month, a.ProductCode, a.DeliveredRegion, a.Resolution })
            .ToListAsync(cancellationToken);
        var withheld = alerts.Where(a => RebateRules.Withholds(a.Resolution)).Select(a => (a.Month, a.ProductCode, a.DeliveredRegion)).ToHashSet();
        var lineage = await LineageAsync(db, contract, cancellationToken);
        var settlements = await db.RebateSettlements.AsNoTracking().Where(s => lineage.Contains(s.ContractId)).ToListAsync(cancellationToken);

        var months = sales
            .Where(s => lines.Count == 0 || (catalogue.TryGetValue(s.ProductCode, out var product) && lines.Contains(product.ProductLine)))
            .GroupBy(s => s.Month)
            .Select(g => new RebateMonth(g.Key, g.Sum(s => s.NetAmount), g.Where(s => withheld.Contains((s.Month, s.ProductCode, s.DeliveredRegion))).Sum(s => s.NetAmount)))
            .ToList();
        return (tiers, kind, lines, windows.Select(w => new RebatePeriodAccount(w, RebateRules.Accrue(months.Where(m => w.Holds(m.Month)), tiers),
            settlements.Where(s => s.PeriodFirst == w.First).OrderBy(s => s.Sequence).ToList())).ToList());
    }

    /// <summary>The contract and the versions it amends, back to the first (amendments keep their predecessor's period).</summary>
    private static async Task<List<Guid>> LineageAsync(ContractsDbContext db, Contract contract, CancellationToken cancellationToken)
    {
        var lineage = new List<Guid> { contract.Id };
        for (var amends = contract.AmendsContractId; amends is { } id && !lineage.Contains(id);)
        {
            lineage.Add(id);
            amends = await db.Contracts.AsNoTracking().Where(c => c.Id == id).Select(c => c.AmendsContractId).FirstOrDefaultAsync(cancellationToken);
        }

        return lineage;
    }
}
