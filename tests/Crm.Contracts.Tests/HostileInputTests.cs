using System.Net.Http.Json;
using Crm.Contracts.Data;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class HostileInputTests : ContractsHostTests
{
    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customer = await KnownCustomer();
        var submitted = await Submitted(customer);
        var terms = CompleteTerms(customer);
        var url = $"/api/contracts/{submitted.Id}";
        var signed = await Approved(await KnownCustomer());
        await Sign(TestUser.RepEast, signed.Id).Expect(System.Net.HttpStatusCode.OK);
        await Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/contracts/sales-records/{customer.CustomerId}/2026-02", new
        {
            rows = new[] { new { productCode = "TL-600", deliveredRegion = "SOUTH", grossQuantity = 10m, netQuantity = 9m, netAmount = 540m, stockQuantity = 1m, slowMovingQuantity = 0m } },
        }).Expect(System.Net.HttpStatusCode.OK);
        var alert = (await Host.Client(Admin).GetAsync("/api/contracts/cross-region-alerts")
            .Read<Crm.BuildingBlocks.Http.PagedResult<Crm.Contracts.Features.CrossRegionAlertResponse>>()).Items[0];

        await HostileInput.RefusedAndNothingStored(Host.Client(Admin), "contracts",
            new Dictionary<string, (string, object)>
            {
                ["CreateContract"] = ("/api/contracts", Draft(customer.CustomerId, templateCode: "DIST")),
                ["ReviseContract"] = ($"{url}/terms", new { title = "Revised", terms }),
                ["DecideContract"] = ($"{url}/decide", new { decision = "Return", comment = "Name the delivery place" }),
                ["SignContract"] = ($"{url}/sign", new { signedOn = new DateOnly(2026, 3, 1), place = "杭州", companySignatory = "黄涛", customerSignatory = "王建国", custodian = "custodian" }),
                ["TerminateContract"] = ($"{url}/terminate", new { reason = "Dealer closed" }),
                ["LetContractLapse"] = ($"{url}/let-lapse", new { reason = "Dealer retires" }),
                ["SettleRebate"] = ($"/api/contracts/{signed.Id}/rebates/settlements", new { through = "2026-03", note = "第一季度返利 Q1 rebate" }),
                ["DetectCrossRegionSales"] = ("/api/contracts/cross-region/detect", new { month = "2026-02" }),
                ["ResolveCrossRegionAlert"] = ($"/api/contracts/cross-region-alerts/{alert.Id}/resolve", new { decision = "Warning", note = "First time" }),
                ["PutSalesPlan"] = ($"/api/contracts/sales-plans/{customer.CustomerId}/2026-03", new
                {
                    lines = new[] { new { productCode = "TL-600", quantity = 1000m, amount = 60000m } }, progress = "上旬 40%", support = "导购 2 人",
                }),
                ["PutSalesMonth"] = ($"/api/contracts/sales-records/{customer.CustomerId}/2026-03", new
                {
                    rows = new[]
                    {
                        new { productCode = "TL-600", deliveredRegion = "EAST", grossQuantity = 100m, netQuantity = 90m, netAmount = 5400m, stockQuantity = 20m, slowMovingQuantity = 2m },
                    },
                }),
                ["PublishTemplate"] = ("/api/contracts/templates/DIST", new { name = "经销合同", clauses = Crm.Contracts.Domain.ContractTemplate.Standard(DateTimeOffset.UtcNow).Clauses }),
                ["PutContractApprovalRules"] = ("/api/contracts/approval-rules", new
                {
                    rules = new[] { new { name = "Every contract", minValue = (decimal?)null, exclusiveAuthority = (bool?)null, nonStandardClauses = (bool?)null, roles = new[] { "BranchManager" } } },
                    overCredit = "ExtraStep",
                    creditRole = "MarketingGM",
                }),
            },
            () => Host.Scoped<ContractsDbContext, string>(HostileInput.Fingerprint));
    }
}
