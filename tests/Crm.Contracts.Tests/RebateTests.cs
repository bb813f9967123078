using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contracts.Tests;

/// <summary>
/// Rebates (返利) on a clock at 10 July 2026 in Shanghai, over a dealer's 2026 contract for tiles in EAST with quarterly
/// rebate periods and stepped tiers: 1 % of net sales up to 100,000 CNY, 2 % of the band from 100,000 to 200,000, 3 %
/// above. Every expected figure below is worked out by hand from those tiers, not by the rule under test.
/// </summary>
public sealed class RebateTests : ContractsHostTests
{
    private static readonly TestUser DealerAdmin = new("dealeradmin.east", Roles.DealerAdministrator, ["EAST"]);
    private static readonly TestUser DealerAdminNorth = new("dealeradmin.north", Roles.DealerAdministrator, ["NORTH"]);
    private readonly TestClock clock = new(new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    protected override Task<ServiceTestHost> Start() =>
        ServiceTestHost.StartAsync(b =>
        {
            b.AddContractsService();
            b.Services.AddSingleton<TimeProvider>(clock);
        }, a => a.MapContractsService());

    private static readonly RebateTier[] Tiers = [new(0m, 0.01m), new(100_000m, 0.02m), new(200_000m, 0.03m)];

    private async Task<(CustomerRegistered Dealer, ContractResponse Contract)> SignedWithQuarterlyRebates()
    {
        var dealer = await KnownCustomer();
        var terms = CompleteTerms(dealer);
        var approved = await Approved(dealer, terms with { Policy = terms.Policy! with { RebateTiers = Tiers, RebatePeriod = RebatePeriod.Quarter } });
        return (dealer, await Sign(TestUser.RepEast, approved.Id).Read<ContractResponse>());
    }

    private static object Row(string product, string region, decimal quantity, decimal amount) =>
        new { productCode = product, deliveredRegion = region, grossQuantity = quantity, netQuantity = quantity, netAmount = amount, stockQuantity = 0m, slowMovingQuantity = 0m };

    private Task Record(Guid customerId, string month, params object[] rows) =>
        Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/contracts/sales-records/{customerId}/{month}", new { rows }, TestJson.Options).Expect(HttpStatusCode.OK);

    private Task<RebateStatement> Statement(TestUser user, Guid contractId) =>
        Host.Client(user).GetAsync($"/api/contracts/{contractId}/rebates").Read<RebateStatement>();

    private Task<HttpResponseMessage> Settle(TestUser user, Guid contractId, string through, string note = "") =>
        Host.Client(user).PostAsJsonAsync($"/api/contracts/{contractId}/rebates/settlements", new { through, note });

    /// <summary>January to March: 60,000 + (60,000 and 30,000 into SOUTH, outside the authority) + 120,000 of tiles in EAST, and sanitary ware the contract does not cover.</summary>
    private async Task FirstQuarter(Guid dealer)
    {
        await Record(dealer, "2026-01", Row("TL-600", "EAST", 1_000m, 60_000m), Row("SW-101", "EAST", 2m, 6_000m));
        await Record(dealer, "2026-02", Row("TL-600", "EAST", 1_000m, 60_000m), Row("TL-600", "SOUTH", 500m, 30_000m));
        await Record(dealer, "2026-03", Row("TL-600", "EAST", 2_000m, 120_000m));
    }

    [Fact]
    public async Task tiers_are_stepped_over_the_periods_eligible_net_sales_accrued_month_by_month_with_sales_under_an_open_alert_held_back()
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await FirstQuarter(dealer.CustomerId);

        var statement = await Statement(TestUser.RepEast, contract.Id);

        Assert.Equal(["2026-01/2026-03", "2026-04/2026-06", "2026-07/2026-09", "2026-10/2026-12"], statement.Periods.Select(p => $"{p.First}/{p.Last}"));
        var q1 = statement.Periods[0];
        // Cumulative eligible 60,000 → 600; 120,000 → 1,000 + 400 = 1,400; 240,000 → 1,000 + 2,000 + 1,200 = 4,200
        // (not 240,000 × 3 % = 7,200: each rate applies to its own band). The SOUTH sale is held back; sanitary ware is not the contract's.
        Assert.Equal(
            [
                ("2026-01", 60_000m, 0m, 60_000m, 600m, 600m),
                ("2026-02", 90_000m, 30_000m, 120_000m, 800m, 1_400m),
                ("2026-03", 120_000m, 0m, 240_000m, 2_800m, 4_200m),
            ],
            q1.Months.Select(m => (m.Month, m.NetAmount, m.Withheld, m.CumulativeEligible, m.Accrued, m.AccruedToDate)));
        Assert.Equal((240_000m, 30_000m, 4_200m, 0m, 4_200m), (q1.EligibleNetSales, q1.Withheld, q1.Earned, q1.Settled, q1.Due));
        Assert.Equal((4_200m, 4_200m), (statement.Earned, statement.Due));
        Assert.Equal(["TILE"], statement.ProductLines);
    }

    [Fact]
    public async Task settlements_pay_what_is_earned_net_of_what_was_paid_and_a_cleared_alert_pays_its_sales_at_the_next_one()
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await FirstQuarter(dealer.CustomerId);

        var february = await Settle(DealerAdmin, contract.Id, "2026-02", "二月返利 February rebate").Read<RebateSettlementResponse>();
        var march = await Settle(TestUser.Supervisor, contract.Id, "2026-03").Read<RebateSettlementResponse>();
        var alert = Assert.Single((await Host.Client(TestUser.Supervisor).GetAsync("/api/contracts/cross-region-alerts?open=true&month=2026-02")
            .Read<Crm.BuildingBlocks.Http.PagedResult<CrossRegionAlertResponse>>()).Items);
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{alert.Id}/resolve", new { decision = "Warning", note = "首次警告 First warning" })
            .Expect(HttpStatusCode.OK);
        var cleared = await Statement(DealerAdmin, contract.Id);
        var again = await Settle(DealerAdmin, contract.Id, "2026-03").Read<RebateSettlementResponse>();

        Assert.Equal((1, "2026-02", 120_000m, 30_000m, 1_400m, 0m, 1_400m, "dealeradmin.east"),
            (february.Sequence, february.Through, february.EligibleNetSales, february.Withheld, february.Earned, february.PaidBefore, february.Amount, february.SettledBy));
        Assert.Equal((2, 4_200m, 1_400m, 2_800m), (march.Sequence, march.Earned, march.PaidBefore, march.Amount));
        // Cleared, the SOUTH sale joins the quarter: 270,000 earns 1,000 + 2,000 + 2,100 = 5,100, of which 4,200 is paid.
        Assert.Equal((270_000m, 0m, 5_100m, 4_200m, 900m), (cleared.Periods[0].EligibleNetSales, cleared.Periods[0].Withheld, cleared.Periods[0].Earned, cleared.Periods[0].Settled, cleared.Periods[0].Due));
        Assert.Equal((3, 5_100m, 4_200m, 900m), (again.Sequence, again.Earned, again.PaidBefore, again.Amount));
        Assert.Equal([1, 2, 3], (await Statement(TestUser.RepEast, contract.Id)).Periods[0].Settlements.Select(s => s.Sequence));
    }

    [Fact]
    public async Task a_penalty_keeps_the_sales_out_for_good_and_a_correction_below_what_was_paid_settles_as_a_take_back()
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await Record(dealer.CustomerId, "2026-04", Row("TL-600", "EAST", 2_500m, 150_000m), Row("TL-600", "SOUTH", 100m, 6_000m));
        var alert = Assert.Single((await Host.Client(TestUser.Supervisor).GetAsync("/api/contracts/cross-region-alerts?open=true")
            .Read<Crm.BuildingBlocks.Http.PagedResult<CrossRegionAlertResponse>>()).Items);
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{alert.Id}/resolve", new { decision = "Penalty", note = "罚款 Fined" })
            .Expect(HttpStatusCode.OK);

        // 150,000 earns 1,000 + 1,000 = 2,000; the penalised 6,000 earns nothing.
        var paid = await Settle(DealerAdmin, contract.Id, "2026-04").Read<RebateSettlementResponse>();
        await Record(dealer.CustomerId, "2026-04", Row("TL-600", "EAST", 1_500m, 90_000m), Row("TL-600", "SOUTH", 100m, 6_000m));
        var q2 = (await Statement(DealerAdmin, contract.Id)).Periods[1];
        var takeBack = await Settle(DealerAdmin, contract.Id, "2026-04", "更正四月销售 April corrected").Read<RebateSettlementResponse>();

        Assert.Equal((150_000m, 6_000m, 2_000m, 2_000m), (paid.EligibleNetSales, paid.Withheld, paid.Earned, paid.Amount));
        // Corrected to 90,000: earns 900, of which 2,000 was paid, so 1,100 comes back.
        Assert.Equal((90_000m, 6_000m, 900m, 2_000m, -1_100m), (q2.EligibleNetSales, q2.Withheld, q2.Earned, q2.Settled, q2.Due));
        Assert.Equal((900m, 2_000m, -1_100m), (takeBack.Earned, takeBack.PaidBefore, takeBack.Amount));
    }

    [Fact]
    public async Task a_settlement_before_the_last_one_with_nothing_due_or_made_twice_at_once_is_a_conflict_and_pays_once()
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await FirstQuarter(dealer.CustomerId);

        var racing = await Task.WhenAll(Settle(DealerAdmin, contract.Id, "2026-03"), Settle(TestUser.Supervisor, contract.Id, "2026-03"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        await Settle(DealerAdmin, contract.Id, "2026-02").ReadProblem(HttpStatusCode.Conflict);
        var nothing = await Settle(DealerAdmin, contract.Id, "2026-03").ReadProblem(HttpStatusCode.Conflict);

        Assert.Contains("Nothing is due", nothing.Detail);
        var q1 = (await Statement(DealerAdmin, contract.Id)).Periods[0];
        Assert.Equal((4_200m, 4_200m, 0m, 1), (q1.Earned, q1.Settled, q1.Due, q1.Settlements.Count));
    }

    [Fact]
    public async Task the_rep_and_managers_see_the_statement_only_dealer_administration_of_the_region_and_the_supervisor_settle()
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await FirstQuarter(dealer.CustomerId);

        // Dealer administration finds the contracts of its region, where their rebates are settled, and no other's.
        await Host.Client(DealerAdmin).GetAsync($"/api/contracts/{contract.Id}").Expect(HttpStatusCode.OK);
        Assert.Contains(contract.Id, (await Host.Client(DealerAdmin).GetAsync($"/api/contracts?customerId={dealer.CustomerId}").Read<PagedResult<ContractSummary>>()).Items.Select(c => c.Id));
        await Host.Client(DealerAdminNorth).GetAsync($"/api/contracts/{contract.Id}").Expect(HttpStatusCode.NotFound);
        Assert.Empty((await Host.Client(DealerAdminNorth).GetAsync($"/api/contracts?customerId={dealer.CustomerId}").Read<PagedResult<ContractSummary>>()).Items);

        Assert.Equal(4_200m, (await Statement(TestUser.ManagerEast, contract.Id)).Due);
        await Host.Client(TestUser.RepNorth).GetAsync($"/api/contracts/{contract.Id}/rebates").Expect(HttpStatusCode.NotFound);
        await Host.Client(DealerAdminNorth).GetAsync($"/api/contracts/{contract.Id}/rebates").Expect(HttpStatusCode.NotFound);
        await Settle(TestUser.RepEast, contract.Id, "2026-03").ReadProblem(HttpStatusCode.Forbidden);
        await Settle(TestUser.ManagerEast, contract.Id, "2026-03").ReadProblem(HttpStatusCode.Forbidden);
        await Settle(DealerAdminNorth, contract.Id, "2026-03").Expect(HttpStatusCode.NotFound);
        await Settle(Admin, contract.Id, "2026-03").Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("2026-13", "through")]
    [InlineData("", "through")]
    [InlineData("2026-07", "through")] // not over on 10 July
    [InlineData("2027-01", "through")] // after the contract's periods
    public async Task a_month_that_is_not_one_an_ended_month_of_the_contracts_periods_is_refused_naming_it(string through, string field)
    {
        var (dealer, contract) = await SignedWithQuarterlyRebates();
        await FirstQuarter(dealer.CustomerId);

        await Settle(DealerAdmin, contract.Id, through).ReadValidationProblem(field);
        await Host.Client(DealerAdmin).PostAsJsonAsync($"/api/contracts/{contract.Id}/rebates/settlements", new { through = "2026-03", note = new string('x', 1_001) })
            .ReadValidationProblem("note");
        Assert.Equal(0m, (await Statement(DealerAdmin, contract.Id)).Settled);
    }

    [Fact]
    public async Task a_contract_not_yet_signed_has_no_rebate_periods_to_settle()
    {
        var dealer = await KnownCustomer();
        var approved = await Approved(dealer);

        Assert.Empty((await Statement(TestUser.RepEast, approved.Id)).Periods);
        await Settle(DealerAdmin, approved.Id, "2026-03").ReadValidationProblem("through");
    }

    public static TheoryData<string, string, RebatePeriod, string[]> PeriodCases => new()
    {
        { "2026-03-15", "2027-03-14", RebatePeriod.Quarter, ["2026-03/2026-05", "2026-06/2026-08", "2026-09/2026-11", "2026-12/2027-02", "2027-03/2027-03"] },
        { "2026-03-15", "2027-03-14", RebatePeriod.Year, ["2026-03/2027-02", "2027-03/2027-03"] },
        { "2026-01-01", "2026-12-31", RebatePeriod.HalfYear, ["2026-01/2026-06", "2026-07/2026-12"] },
        { "2026-01-01", "2027-12-31", RebatePeriod.Term, ["2026-01/2027-12"] },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void rebate_periods_are_cut_in_whole_months_from_the_first_month_of_the_effective_period(string from, string until, RebatePeriod period, string[] expected) =>
        Assert.Equal(expected, RebateRules.Periods(DateOnly.Parse(from), DateOnly.Parse(until), period).Select(w => $"{w.First:yyyy-MM}/{w.Last:yyyy-MM}"));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99_999.99, 1_000.00)] // 99,999.99 × 1 % = 999.9999 → 1,000.00
    [InlineData(100_000, 1_000)]
    [InlineData(150_000, 2_000)]
    [InlineData(200_000, 3_000)]
    [InlineData(300_000, 6_000)]
    public void stepped_rebates_apply_each_rate_to_its_own_band(double netSales, double rebate) =>
        Assert.Equal((decimal)rebate, RebateRules.Stepped((decimal)netSales, Tiers));

    [Fact]
    public void a_first_tier_above_zero_earns_nothing_below_its_threshold() =>
        Assert.Equal((0m, 500m), (RebateRules.Stepped(50_000m, [new(50_000m, 0.05m)]), RebateRules.Stepped(60_000m, [new(50_000m, 0.05m)])));
}
