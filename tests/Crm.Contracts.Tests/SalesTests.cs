using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>
/// Monthly plans (销售计划) and records (销售记录) per dealer, and plan against actual: the completion rates come from the
/// amounts the tests enter, computed here.
/// </summary>
public sealed class SalesTests : ContractsHostTests
{
    private static readonly TestUser DealerAdmin = new("dealeradmin.east", Roles.DealerAdministrator, ["EAST"]);

    private Task<HttpResponseMessage> Plan(TestUser user, Guid customerId, string month, params (string Product, decimal Quantity, decimal Amount)[] lines) =>
        Host.Client(user).PutAsJsonAsync($"/api/contracts/sales-plans/{customerId}/{month}", new
        {
            lines = lines.Select(l => new { productCode = l.Product, quantity = l.Quantity, amount = l.Amount }),
            progress = "上旬 40%，中旬 30%，下旬 30%",
            support = "导购 2 人 Two sales staff",
        }, TestJson.Options);

    private static object Row(string product, string region, decimal gross, decimal net, decimal amount, decimal stock = 100m, decimal slow = 10m) =>
        new { productCode = product, deliveredRegion = region, grossQuantity = gross, netQuantity = net, netAmount = amount, stockQuantity = stock, slowMovingQuantity = slow };

    private Task<HttpResponseMessage> Record(TestUser user, Guid customerId, string month, params object[] rows) =>
        Host.Client(user).PutAsJsonAsync($"/api/contracts/sales-records/{customerId}/{month}", new { rows }, TestJson.Options);

    private Task<HttpResponseMessage> Import(TestUser user, string csv) =>
        Host.Client(user).PostAsync("/api/contracts/sales-records/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task a_plan_is_kept_per_dealer_and_month_under_if_match_and_names_catalogue_products_only()
    {
        var customer = await KnownCustomer();

        var plan = await Plan(TestUser.RepEast, customer.CustomerId, "2026-03", ("TL-600", 2_000m, 120_000m), ("SW-101", 10m, 30_000m)).Read<SalesPlanResponse>();
        await Plan(TestUser.RepEast, customer.CustomerId, "2026-03", ("NOPE", 1m, 1m)).ReadValidationProblem("lines[0].productCode");
        await Plan(TestUser.RepEast, customer.CustomerId, "2026-3", ("TL-600", 1m, 1m)).ReadValidationProblem("month");
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/contracts/sales-plans/{customer.CustomerId}/2026-03")
        {
            Content = JsonContent.Create(new { lines = Array.Empty<object>() }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        Assert.Equal((150_000m, "2026-03", 1L), (plan.PlannedAmount, plan.Month, plan.Version));
        await (await Host.Client(TestUser.RepEast).SendAsync(stale)).ReadProblem(HttpStatusCode.Conflict);
        await Plan(TestUser.RepEast2, customer.CustomerId, "2026-03", ("TL-600", 1m, 1m)).ReadValidationProblem("customerId");
        await Plan(DealerAdmin, customer.CustomerId, "2026-03", ("TL-600", 1m, 1m)).ReadValidationProblem("customerId");
        Assert.Equal(150_000m, (await Host.Client(TestUser.ManagerEast).GetAsync($"/api/contracts/sales-plans/{customer.CustomerId}/2026-03").Read<SalesPlanResponse>()).PlannedAmount);
    }

    [Fact]
    public async Task a_month_of_records_replaces_the_last_and_publishes_its_net_sales_against_the_plan()
    {
        var customer = await KnownCustomer();
        await Plan(TestUser.RepEast, customer.CustomerId, "2026-03", ("TL-600", 2_000m, 120_000m)).Expect(HttpStatusCode.OK);

        await Record(DealerAdmin, customer.CustomerId, "2026-03", Row("TL-600", "EAST", 1_500m, 1_200m, 72_000m), Row("SW-101", "EAST", 5m, 4m, 12_000m))
            .Expect(HttpStatusCode.OK);
        var month = await Record(TestUser.RepEast, customer.CustomerId, "2026-03", Row("TL-600", "EAST", 1_800m, 1_500m, 90_000m)).Read<SalesMonthResponse>();

        Assert.Equal((90_000m, 120_000m), (month.NetAmount, month.PlannedAmount));
        Assert.Single(month.Rows);
        var published = await Host.Published<SalesRecorded>(e => e.CustomerId == customer.CustomerId && e.NetAmount == 90_000m);
        Assert.Equal((new DateOnly(2026, 3, 1), 1_500m, 120_000m, 90_000m / 120_000m), (published.Month, published.NetQuantity, published.PlannedAmount, published.OnPlanRate));
    }

    /// <summary>
    /// Sales entry offers each user the active dealers whose sales they record: dealer administration those of its region
    /// (it sees none in Customers), the rep their own, found by part of the name or the code; never a retailer.
    /// </summary>
    [Fact]
    public async Task sales_entry_offers_the_dealers_whose_sales_the_caller_records()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        async Task<Guid> Known(string region, string owner, CustomerKind kind = CustomerKind.Dealer)
        {
            var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, owner, name: $"经销商 {marker} {region} {owner} {kind}", kind: kind);
            await Host.Deliver(registered, Guid.NewGuid());
            return registered.CustomerId;
        }

        var ownEast = await Known("EAST", "rep.east");
        var otherEast = await Known("EAST", "rep.east2");
        await Known("NORTH", "rep.north");
        await Known("EAST", "rep.east", CustomerKind.Retailer);

        async Task<List<Guid>> Offered(TestUser user, string q) =>
            (await Host.Client(user).GetAsync($"/api/contracts/sales-records/dealers?q={Uri.EscapeDataString(q)}").Read<PagedResult<SalesDealer>>()).Items.Select(d => d.Id).ToList();

        Assert.Equal(new[] { ownEast, otherEast }.Order(), (await Offered(DealerAdmin, marker)).Order());
        Assert.Equal([ownEast], await Offered(TestUser.RepEast, marker));
        Assert.Equal(new[] { ownEast, otherEast }.Order(), (await Offered(TestUser.ManagerEast, marker)).Order());
        Assert.Equal([otherEast], await Offered(DealerAdmin, $"{marker} EAST rep.east2"));
        Assert.Equal([otherEast], (await Host.Client(DealerAdmin).GetAsync($"/api/contracts/sales-records/dealers?id={otherEast}").Read<PagedResult<SalesDealer>>()).Items.Select(d => d.Id));
        Assert.Empty((await Host.Client(TestUser.RepEast).GetAsync($"/api/contracts/sales-records/dealers?id={otherEast}").Read<PagedResult<SalesDealer>>()).Items);
        await Host.Client(DealerAdmin).GetAsync($"/api/contracts/sales-records/dealers?q={new string('x', 101)}").ReadValidationProblem("q");
    }

    /// <summary>Two people keying in the same dealer's month: the second, working from what they read before, is refused.</summary>
    [Fact]
    public async Task a_month_saved_over_records_changed_since_it_was_read_is_refused_and_the_other_records_stay()
    {
        var customer = await KnownCustomer();
        var url = $"/api/contracts/sales-records/{customer.CustomerId}/2026-04";
        var read = await Host.Client(TestUser.RepEast).GetAsync(url);
        var readTag = read.Headers.ETag!;
        Assert.Equal(0, (await read.Read<SalesMonthResponse>()).Version);

        var first = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { rows = new[] { Row("TL-600", "EAST", 100m, 90m, 5_400m) } }, options: TestJson.Options) };
        first.Headers.IfMatch.Add(readTag);
        var recorded = await (await Host.Client(DealerAdmin).SendAsync(first)).Read<SalesMonthResponse>();
        var second = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { rows = new[] { Row("TL-600", "EAST", 200m, 190m, 11_400m) } }, options: TestJson.Options) };
        second.Headers.IfMatch.Add(readTag);
        var refused = await (await Host.Client(TestUser.ManagerEast).SendAsync(second)).ReadProblem(HttpStatusCode.Conflict);

        Assert.Equal(ProblemTypes.ChangedMeanwhile, refused.Type);
        var stored = await Host.Client(TestUser.RepEast).GetAsync(url).Read<SalesMonthResponse>();
        Assert.Equal((5_400m, recorded.Version), (stored.NetAmount, stored.Version));
        Assert.True(recorded.Version > 0);
    }

    [Fact]
    public async Task a_record_breaking_the_volume_rules_is_refused_on_its_field()
    {
        var customer = await KnownCustomer();

        await Record(TestUser.RepEast, customer.CustomerId, "2026-03", Row("TL-600", "EAST", 100m, 120m, 1m), Row("TL-600", "NORTH", 100m, 50m, 1m, stock: 5m, slow: 6m))
            .ReadValidationProblem("rows[0].netQuantity", "rows[1].slowMovingQuantity");
        await Record(TestUser.RepEast, customer.CustomerId, "2026-03", Row("TL-600", "EAST", 1m, 1m, 1m), Row("TL-600", "EAST", 2m, 2m, 2m))
            .ReadValidationProblem("rows");
        await Record(TestUser.RepNorth, customer.CustomerId, "2026-03", Row("TL-600", "EAST", 1m, 1m, 1m)).ReadValidationProblem("customerId");
    }

    [Fact]
    public async Task an_import_records_every_valid_row_and_reports_each_rejected_one_with_its_reason()
    {
        var first = await KnownCustomer();
        var second = await KnownCustomer();
        var north = await KnownCustomer("NORTH", "rep.north");
        var csv = $"""
            customerCode,month,productCode,deliveredRegion,grossQuantity,netQuantity,netAmount,stockQuantity,slowMovingQuantity
            {first.Code},2026-03,TL-600,EAST,1000,900,54000,300,20
            {first.Code},2026-03,SW-101,EAST,10,8,24000,4,0
            {second.Code},2026-03,TL-800,NORTH,500,450,40500,100,0
            {second.Code},2026-13,TL-800,EAST,1,1,1,1,0
            {first.Code},2026-03,TL-600,EAST,1,1,1,1,0
            NO-SUCH,2026-03,TL-600,EAST,1,1,1,1,0
            {north.Code},2026-03,TL-600,NORTH,1,1,1,1,0
            {second.Code},2026-04,XX-1,EAST,1,2,abc,1,0
            """;

        var report = await Import(DealerAdmin, csv).Read<SalesImportReport>();

        Assert.Equal((8, 3, 5, 2), (report.Rows, report.Recorded, report.Rejected, report.DealerMonths));
        var rejected = report.Results.Where(r => r.Outcome == SalesImportOutcome.Rejected).ToDictionary(r => r.Row, r => r.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["month"], rejected[5]);
        Assert.Equal(["productCode"], rejected[6]);
        Assert.Equal(["customerCode"], rejected[7]);
        Assert.Equal(["customerCode"], rejected[8]);
        Assert.Equal(["netAmount", "netQuantity", "productCode"], rejected[9]);
        var month = await Host.Client(TestUser.RepEast).GetAsync($"/api/contracts/sales-records/{first.CustomerId}/2026-03").Read<SalesMonthResponse>();
        Assert.Equal(54_000m + 24_000m, month.NetAmount);
        await Import(DealerAdmin, "customerCode,month\nX,2026-03").ReadValidationProblem("file");
    }

    [Fact]
    public async Task plan_against_actual_by_dealer_rep_and_region_puts_the_furthest_behind_first_with_the_trend()
    {
        var ahead = await KnownCustomer();
        var behind = await KnownCustomer();
        var unplanned = await KnownCustomer(ownerId: "rep.east2");
        await Plan(TestUser.RepEast, ahead.CustomerId, "2026-03", ("TL-600", 1_000m, 60_000m)).Expect(HttpStatusCode.OK);
        await Plan(TestUser.RepEast, behind.CustomerId, "2026-03", ("TL-600", 2_000m, 120_000m)).Expect(HttpStatusCode.OK);
        await Plan(TestUser.RepEast, ahead.CustomerId, "2026-02", ("TL-600", 1_000m, 50_000m)).Expect(HttpStatusCode.OK);
        await Record(TestUser.RepEast, ahead.CustomerId, "2026-03", Row("TL-600", "EAST", 1_100m, 1_100m, 66_000m)).Expect(HttpStatusCode.OK);
        await Record(TestUser.RepEast, behind.CustomerId, "2026-03", Row("TL-600", "EAST", 900m, 600m, 36_000m)).Expect(HttpStatusCode.OK);
        await Record(TestUser.RepEast, ahead.CustomerId, "2026-02", Row("TL-600", "EAST", 800m, 800m, 40_000m)).Expect(HttpStatusCode.OK);
        await Record(TestUser.ManagerEast, unplanned.CustomerId, "2026-03", Row("TL-600", "EAST", 10m, 10m, 600m)).Expect(HttpStatusCode.OK);

        var dealers = await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/sales-performance?month=2026-03").Read<SalesPerformance>();
        var reps = await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/sales-performance?month=2026-03&by=Rep").Read<SalesPerformance>();
        var mine = await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/sales-performance?month=2026-03&by=Region").Read<SalesPerformance>();

        Assert.Equal([(behind.CustomerId.ToString(), 120_000m, 36_000m, (decimal?)0.3m), (ahead.CustomerId.ToString(), 60_000m, 66_000m, 1.1m),
            (unplanned.CustomerId.ToString(), 0m, 600m, null)], dealers.Rows.Select(r => (r.Key, r.Planned, r.Actual, r.Completion)));
        Assert.Equal([("rep.east", 180_000m, 102_000m, (decimal?)decimal.Round(102_000m / 180_000m, 4)), ("rep.east2", 0m, 600m, null)],
            reps.Rows.Select(r => (r.Key, r.Planned, r.Actual, r.Completion)));
        Assert.Equal([("EAST", 180_000m, 102_000m)], mine.Rows.Select(r => (r.Key, r.Planned, r.Actual)));
        Assert.Equal(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"], dealers.Trend.Select(t => t.Month));
        Assert.Equal((50_000m, 40_000m, (decimal?)0.8m), (dealers.Trend[4].Planned, dealers.Trend[4].Actual, dealers.Trend[4].Completion));
        await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/sales-performance?month=2026-03&by=2").ReadValidationProblem("by");
        await Host.Client(TestUser.ManagerEast).GetAsync("/api/contracts/sales-performance").ReadValidationProblem("month");
    }
}
