using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.Platform.Tests;

/// <summary>Contracts through the gateway, on PostgreSQL, with the customer's credit limit crossing RabbitMQ from Customers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContractsPlatformTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_credit_limit_set_in_Customers_puts_a_contract_on_credit_over_it_through_the_extra_step_its_signature_makes_the_customer_A_and_sales_outside_its_authority_are_alerted_in_Customers_and_earn_no_rebate()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        using var manager = await fixture.Platform.ClientAsync("manager.east");
        using var gm = await fixture.Platform.ClientAsync("gm");
        var id = (await Api.RegisterCustomer(rep, "EAST")).Text("id");
        var limit = await manager.PutAsJsonAsync($"/api/customers/{id}/credit-limit", new { amount = 50_000m, reason = "New dealer, first year" });
        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        await Api.Eventually(rep, $"/api/contracts/customers/{id}", c => c["creditLimit"]?.GetValue<decimal>() == 50_000m, "the credit limit in Contracts' read model");

        var created = await Api.Json(await rep.PostAsJsonAsync("/api/contracts", new { customerId = id, title = "2026 年度经销合同" }));
        var contract = $"/api/contracts/{created.Text("id")}";
        var terms = ContractsApi.Complete(created["terms"]!.AsObject(), "EAST");
        terms["settlement"]!["paymentDays"] = 30;
        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"{contract}/terms", new { title = "2026 年度经销合同", terms })).StatusCode);
        var submitted = await Api.Json(await rep.PostAsync($"{contract}/submit", null));

        Assert.Equal(["BranchManager", "MarketingGM"], submitted["chain"]!.AsArray().Select(s => s!["role"]!.GetValue<string>()));
        Assert.True(submitted["credit"]!["isOver"]!.GetValue<bool>());
        Assert.Contains("60,000.00 CNY against the credit limit of 50,000.00 CNY", submitted["chain"]![1]!["why"]!.GetValue<string>());
        foreach (var approver in new[] { manager, gm })
        {
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"{contract}/decide", new { decision = "Approve" })).StatusCode);
        }

        var signed = await Api.Json(await rep.PostAsJsonAsync($"{contract}/sign", ContractsApi.Signature));
        Assert.Equal("Signed", signed.Text("status"));
        await Api.Eventually(rep, $"/api/customers/{id}", c => c.Text("grade") == "A", "grade A in Customers");
        // Its authority is tiles in EAST: tiles delivered to SOUTH are cross-region selling (窜货), alerted at once.
        var recorded = await rep.PutAsJsonAsync($"/api/contracts/sales-records/{id}/{DateTime.UtcNow:yyyy-MM}", new
        {
            rows = new[]
            {
                new { productCode = "TL-600", deliveredRegion = "EAST", grossQuantity = 1000, netQuantity = 1000, netAmount = 60000, stockQuantity = 0, slowMovingQuantity = 0 },
                new { productCode = "TL-600", deliveredRegion = "SOUTH", grossQuantity = 100, netQuantity = 100, netAmount = 6000, stockQuantity = 0, slowMovingQuantity = 0 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var alerts = JsonNode.Parse(await manager.GetStringAsync("/api/contracts/cross-region-alerts?open=true"))!["items"]!.AsArray();
        var alert = Assert.Single(alerts, a => a!["customerId"]!.GetValue<string>() == id)!;
        Assert.Equal(("OutsideAuthority", "SOUTH"), (alert["kind"]!.GetValue<string>(), alert["deliveredRegion"]!.GetValue<string>()));
        // The alert crosses RabbitMQ into the dealer's risk context in Customers.
        await Api.Eventually(manager, $"/api/customers/{id}/sales",
            s => s["crossRegionAlerts"]!.AsArray().Any(a => a!["number"]!.GetValue<string>() == alert["number"]!.GetValue<string>()), "the 窜货 alert in Customers");
        // The rebate (1 % of net sales) accrues on the 60,000 in EAST; the 6,000 under the open alert is held back.
        var rebates = await Api.Json(await rep.GetAsync($"{contract}/rebates"));
        var month = rebates["periods"]![0]!["months"]!.AsArray().Single()!;
        Assert.Equal((66_000m, 6_000m, 600m), (month["netAmount"]!.GetValue<decimal>(), month["withheld"]!.GetValue<decimal>(), month["accruedToDate"]!.GetValue<decimal>()));
        var document = await rep.GetStringAsync($"{contract}/document");
        Assert.Contains(created.Text("number"), document);
        Assert.Equal(signed.Text("documentHash"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document))));
    }

    [Fact]
    public async Task a_CSV_of_sales_records_is_imported_into_PostgreSQL_row_by_row_with_a_second_import_replacing_the_first_and_Customers_sees_the_month()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var customer = await Api.RegisterCustomer(rep, "EAST");
        var (id, code) = (customer.Text("id"), customer.Text("code"));
        await Api.Eventually(rep, $"/api/contracts/customers/{id}", c => c.Text("code") == code, "the customer in Contracts' read model");
        const string header = "customerCode,month,productCode,deliveredRegion,grossQuantity,netQuantity,netAmount,stockQuantity,slowMovingQuantity\n";

        async Task<JsonNode> Import(string rows)
        {
            using var content = new StringContent(header + rows, System.Text.Encoding.UTF8, "text/csv");
            return (await Api.Json(await rep.PostAsync("/api/contracts/sales-records/import", content)))!;
        }

        var first = await Import($"{code},2026-03,TL-600,EAST,100,90,5400,20,2\n{code},2026-03,SW-101,EAST,2,2,6200,1,0\n{code},2026-03,NO-SUCH,EAST,1,1,1,0,0\n");
        var second = await Import($"{code},2026-03,TL-600,EAST,120,110,6600,10,1\n");
        var month = await Api.Json(await rep.GetAsync($"/api/contracts/sales-records/{id}/2026-03"));

        Assert.Equal((3, 2, 1), (first["rows"]!.GetValue<int>(), first["recorded"]!.GetValue<int>(), first["rejected"]!.GetValue<int>()));
        Assert.Equal("productCode", first["results"]![2]!["errors"]!.AsObject().Single().Key);
        Assert.Equal((1, 1), (second["recorded"]!.GetValue<int>(), second["dealerMonths"]!.GetValue<int>()));
        // TL-600 replaced by the second file, SW-101 kept from the first.
        Assert.Equal([("SW-101", 6_200m), ("TL-600", 6_600m)],
            month["rows"]!.AsArray().Select(r => (r!["productCode"]!.GetValue<string>(), r["netAmount"]!.GetValue<decimal>())));
        Assert.Equal(12_800m, month["netAmount"]!.GetValue<decimal>());
        // The months' SalesRecorded, copied into the outbox with them, reach Customers: the newest recording wins.
        await Api.Eventually(rep, $"/api/customers/{id}/sales",
            s => s["months"]!.AsArray().Any(m => m!["month"]!.GetValue<string>() == "2026-03" && m["netAmount"]!.GetValue<decimal>() == 12_800m), "the month's sales in Customers");
    }
}
