using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Contracts.Features;

/// <summary>
/// Demo contracts when <c>Contracts:SeedDemoData</c> is true and there are none, for the dealers of the demo
/// (services/Customers/Crm.Customers/Features/SeedDemoCustomers.cs), made through the domain like any contract:
/// <list type="bullet">
/// <item>DEMO-E001: in force for a year from three months ago, general authority for tiles and sanitary ware in EAST,
/// quarterly stepped rebates;</item>
/// <item>DEMO-N001: in force over the same year, exclusive authority for tiles in NORTH;</item>
/// <item>DEMO-E002: in force and ending in 40 days, for the renewals report and its reminders;</item>
/// <item>DEMO-E009: waiting for the branch manager; DEMO-N009: a draft.</item>
/// </list>
/// For E001, N001 and E002, a sales plan and sales records for each of the last three months; in the middle one E001
/// delivered tiles into NORTH, N001's exclusive region: one 窜货 sale, alerted as outside E001's authority and inside
/// N001's exclusivity. The customers arrive through the bus, so the seed waits for them (up to a minute).
/// </summary>
internal sealed class SeedDemoContracts(IServiceScopeFactory scopes, TimeProvider time, IOptions<ContractsOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SeedDemoContracts> logger) : BackgroundService
{
    private static readonly string[] Dealers = ["DEMO-E001", "DEMO-E002", "DEMO-E009", "DEMO-N001", "DEMO-N009"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContractsDbContext>();
            if (await db.Contracts.AnyAsync(stoppingToken))
            {
                return;
            }

            var deadline = time.GetUtcNow().AddMinutes(1);
            List<CustomerSnapshot> customers;
            while ((customers = await db.CustomerSnapshots.AsNoTracking().Where(c => Dealers.Contains(c.Code)).ToListAsync(stoppingToken)).Count < Dealers.Length
                   && time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }

            if (customers.Count == Dealers.Length)
            {
                await Seed(db, customers.ToDictionary(c => c.Code), stoppingToken);
                logger.LogInformation("Created the demo contracts, sales plans and records.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The demo contracts could not be created.");
        }
    }

    private async Task Seed(ContractsDbContext db, IReadOnlyDictionary<string, CustomerSnapshot> dealers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var yearFrom = thisMonth.AddMonths(-3);
        var template = (await db.LatestTemplateAsync(ContractTemplate.StandardCode, time, cancellationToken))!;
        var catalogue = await db.CatalogueAsync(cancellationToken);
        var rules = await db.RulesAsync(time, cancellationToken);

        async Task<Contract> Draft(CustomerSnapshot dealer, string title, ContractTerms? terms, DateTimeOffset at)
        {
            var contract = Contract.Draft(await db.NextNumberAsync("CT", at.Year, cancellationToken), dealer.Id, dealer.Name, dealer.Region, dealer.OwnerId,
                title, template, template.Draft(dealer.Name, dealer.Address), dealer.OwnerId, at);
            if (terms is not null)
            {
                contract.Revise(title, terms, dealer.OwnerId, at);
            }

            db.Contracts.Add(contract);
            return contract;
        }

        async Task Submit(Contract contract, DateTimeOffset at)
        {
            var credit = await db.CreditCheckAsync(contract, cancellationToken);
            contract.Submit(rules.ChainFor(contract, template, credit), credit, contract.OwnerId, at);
        }

        async Task<Contract> InForce(CustomerSnapshot dealer, ContractTerms terms, DateTimeOffset at)
        {
            var contract = await Draft(dealer, $"{terms.Signing!.EffectiveFrom:yyyy} 年度经销合同 Annual distribution agreement", terms, at);
            await Submit(contract, at);
            foreach (var step in contract.Chain)
            {
                at = at.AddHours(3);
                contract.Decide(ContractDecisionKind.Approve, step.Role, "同意 Approved", Approver(step.Role, dealer.Region), at);
            }

            var signature = new Signature(DateOnly.FromDateTime(at.AddDays(1).UtcDateTime), terms.Signing.Place!, terms.Seller!.SigningRepresentative!,
                terms.Buyer!.SigningRepresentative!, "custodian", dealer.OwnerId, at.AddDays(1));
            var document = ContractDocument.Render(contract, signature, catalogue);
            contract.Sign(signature, document, ContractDocument.Hash(document), at.AddDays(1));
            contract.Activate(today, at.AddDays(1));
            await db.SaveChangesAsync(cancellationToken);
            return contract;
        }

        ContractTerms Terms(CustomerSnapshot dealer, DistributionKind kind, string[] lines, DateOnly from, DateOnly until, (string Product, decimal Quantity)[] subject,
            RebatePeriod period) =>
            template.Draft(dealer.Name, dealer.Address) with
            {
                Subject = [.. subject.Select(s => new SubjectLine(s.Product, s.Quantity, catalogue[s.Product].ListPrice * 0.9m))],
                Delivery = new Delivery(template.Clauses.DeliveryTerms, dealer.Region == "EAST" ? "上海嘉定仓库 Jiading warehouse, Shanghai" : "北京大兴仓库 Daxing warehouse, Beijing",
                    "汽运 By truck", FreightPaidBy.Seller),
                Authority = new BusinessAuthority("一级经销商 First-tier dealer", kind, [dealer.Region], lines, from, until),
                Settlement = new Settlement(template.Clauses.Settlement, 30),
                Policy = new DistributionPolicy([new RebateTier(0m, 0.01m), new RebateTier(300_000m, 0.02m), new RebateTier(600_000m, 0.03m)], period, 0.005m,
                    "季度促销：满 10 万返 2% Quarterly promotion", "门店广告补贴 50% Half of shop advertising", "导购培训每季度一次 Sales staff training each quarter"),
                Signing = new SigningTerms(dealer.Region == "EAST" ? "上海 Shanghai" : "北京 Beijing", from, until),
                Buyer = new Party(dealer.Name, dealer.Address, "采购部 Purchasing", "+86 21 5080 0000", "王建国 Wang Jianguo", "王建国 Wang Jianguo",
                    "中国银行 Bank of China", "6216 6100 0000 1234", "91310000MA1FL00000"),
            };

        var start = now.AddDays(-100);
        var (e001, n001, e002) = (dealers["DEMO-E001"], dealers["DEMO-N001"], dealers["DEMO-E002"]);
        await InForce(e001, Terms(e001, DistributionKind.General, ["TILE", "SANITARY"], yearFrom, yearFrom.AddYears(1).AddDays(-1),
            [("TL-600", 4_000m), ("SW-101", 50m)], RebatePeriod.Quarter), start);
        await InForce(n001, Terms(n001, DistributionKind.Exclusive, ["TILE"], yearFrom, yearFrom.AddYears(1).AddDays(-1),
            [("TL-800", 3_000m)], RebatePeriod.Year), start.AddDays(1));
        var ending = today.AddDays(40);
        await InForce(e002, Terms(e002, DistributionKind.General, ["TILE"], ending.AddYears(-1).AddDays(1), ending, [("WT-300", 3_000m)], RebatePeriod.Term), start.AddDays(-200));

        var e009 = dealers["DEMO-E009"];
        var waiting = await Draft(e009, $"{today:yyyy} 年度经销合同 Annual distribution agreement",
            Terms(e009, DistributionKind.General, ["TILE"], thisMonth.AddMonths(1), thisMonth.AddMonths(13).AddDays(-1), [("TL-600", 2_000m)], RebatePeriod.Quarter), now.AddDays(-2));
        await Submit(waiting, now.AddDays(-1));
        await Draft(dealers["DEMO-N009"], $"{today:yyyy} 年度经销合同 Annual distribution agreement", null, now.AddHours(-3));
        await db.SaveChangesAsync(cancellationToken);

        // Three months of plans and records: E001 a little behind, N001 ahead, E002 well behind; E001's tiles into NORTH in the middle month.
        for (var i = 3; i >= 1; i--)
        {
            var month = thisMonth.AddMonths(-i);
            var at = now.AddDays(-30 * i + 5);
            var ofE001 = new List<(string, string, decimal, decimal, decimal)> { ("TL-600", "EAST", 2_300m - (i * 100), 2_200m - (i * 100), 61m), ("SW-101", "EAST", 28m, 26m, 3_100m) };
            if (i == 2)
            {
                ofE001.Add(("TL-600", "NORTH", 400m, 400m, 60m));
            }

            Month(db, e001, month, at, [("TL-600", 2_500m, 170_000m), ("SW-101", 30m, 98_400m)], [.. ofE001]);
            Month(db, n001, month, at, [("TL-800", 1_800m, 172_800m)], [("TL-800", "NORTH", 2_000m, 1_900m + (i * 50), 92m)]);
            Month(db, e002, month, at, [("WT-300", 1_500m, 67_500m)], [("WT-300", "EAST", 900m, 820m, 44m)]);
        }

        await db.SaveChangesAsync(cancellationToken);
        await CrossRegionControl.DetectAsync(db, db.SalesRecords.Where(r => r.Month >= thisMonth.AddMonths(-3)), time, cancellationToken);
    }

    /// <summary>A dealer's plan and records for a month, with its totals (which publish SalesRecorded like any recording).</summary>
    private static void Month(ContractsDbContext db, CustomerSnapshot dealer, DateOnly month, DateTimeOffset at,
        (string Product, decimal Quantity, decimal Amount)[] plan, (string Product, string Region, decimal Gross, decimal Net, decimal UnitPrice)[] sales)
    {
        var salesPlan = SalesPlan.Start(dealer.Id, month);
        salesPlan.Replace(dealer.Name, dealer.Region, dealer.OwnerId, [.. plan.Select(p => new PlanLine(p.Product, p.Quantity, p.Amount))],
            "上旬 30%，中旬 40%，下旬 30% Thirds of the month: 30/40/30", "导购 2 人、展架 4 套 Two sales staff, four display stands", dealer.OwnerId, at);
        db.SalesPlans.Add(salesPlan);
        var records = sales.Select(s => SalesRecords.Record(dealer, month,
            new SalesRow(s.Product, s.Region, s.Gross, s.Net, s.Net * s.UnitPrice, s.Gross - s.Net + 120m, 20m), dealer.OwnerId, at.AddDays(30))).ToList();
        db.SalesRecords.AddRange(records);
        var totals = MonthlySales.Start(dealer.Id, month);
        totals.Record(dealer.Region, dealer.OwnerId, records, salesPlan.PlannedAmount(), dealer.OwnerId, at.AddDays(30));
        db.MonthlySales.Add(totals);
    }

    private static string Approver(string role, string region) => role switch
    {
        Roles.BranchManager => region == "EAST" ? "manager.east" : "manager.north",
        Roles.RegionalDirector => region == "EAST" ? "director.east" : "director.north",
        Roles.MarketingGM => "gm",
        _ => "chairman",
    };
}
