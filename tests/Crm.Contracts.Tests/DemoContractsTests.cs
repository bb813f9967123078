using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests;

/// <summary>The standalone host's demo contracts, seeded once the demo dealers have arrived from Customers.</summary>
public sealed class DemoContractsTests : ContractsHostTests
{
    private static readonly (string Code, string Region, string Owner)[] Dealers =
        [("DEMO-E001", "EAST", "rep.east"), ("DEMO-E002", "EAST", "rep.east"), ("DEMO-E009", "EAST", "rep.east"), ("DEMO-N001", "NORTH", "rep.north"), ("DEMO-N009", "NORTH", "rep.north")];

    protected override Task<ServiceTestHost> Start() =>
        ServiceTestHost.StartAsync(b => b.AddContractsService(), a => a.MapContractsService(), new Dictionary<string, string?> { ["Contracts:SeedDemoData"] = "true" });

    [Fact]
    public async Task the_demo_has_contracts_in_several_states_three_months_of_plans_and_records_one_cross_region_sale_and_a_rebate_to_settle()
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var (code, region, owner) in Dealers)
        {
            var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, owner) with { Code = code, CreditLimit = 500_000m };
            ids[code] = registered.CustomerId;
            await Host.Deliver(registered, Guid.NewGuid());
        }

        var contracts = await Eventually.Get(async () =>
        {
            var stored = await Host.Scoped<ContractsDbContext, List<Contract>>(db => db.Contracts.AsNoTracking().ToListAsync());
            return stored.Count == Dealers.Length && await Host.Scoped<ContractsDbContext, bool>(db => db.CrossRegionAlerts.AnyAsync()) ? stored : null;
        }, TimeSpan.FromSeconds(30), "the demo contracts and their alerts");

        var status = contracts.ToDictionary(c => ids.Single(i => i.Value == c.CustomerId).Key, c => c.Status);
        Assert.Equal(
            new Dictionary<string, ContractStatus>
            {
                ["DEMO-E001"] = ContractStatus.Active, ["DEMO-N001"] = ContractStatus.Active, ["DEMO-E002"] = ContractStatus.Active,
                ["DEMO-E009"] = ContractStatus.Submitted, ["DEMO-N009"] = ContractStatus.Draft,
            },
            status);
        var (plans, months) = await Host.Scoped<ContractsDbContext, (int, int)>(async db => (await db.SalesPlans.CountAsync(), await db.MonthlySales.Select(m => m.Month).Distinct().CountAsync()));
        Assert.Equal((9, 3), (plans, months));
        var alerts = await Host.Scoped<ContractsDbContext, List<CrossRegionAlert>>(db => db.CrossRegionAlerts.AsNoTracking().ToListAsync());
        Assert.All(alerts, a => Assert.Equal((ids["DEMO-E001"], "NORTH"), (a.CustomerId, a.DeliveredRegion)));
        Assert.Equal([CrossRegionKind.OutsideAuthority, CrossRegionKind.ExclusiveRegion], alerts.Select(a => a.Kind).Order());
        Assert.Equal(ids["DEMO-N001"], alerts.Single(a => a.Kind == CrossRegionKind.ExclusiveRegion).OtherDealerId);

        // E001's first quarter has ended and earned a rebate; the NORTH sale is held back.
        var e001 = contracts.Single(c => c.CustomerId == ids["DEMO-E001"]);
        var statement = await Host.Scoped<ContractsDbContext, RebateStatement>(db => Rebates.StatementAsync(db, e001, default));
        var quarter = statement.Periods[0];
        Assert.Equal(3, quarter.Months.Count);
        Assert.Equal(400m * 60m, quarter.Withheld);
        Assert.True(quarter.Due > 0);
        var renewals = await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/renewals").Read<RenewalsReport>();
        Assert.Equal([ids["DEMO-E002"]], renewals.Contracts.Select(c => c.CustomerId));
    }
}
