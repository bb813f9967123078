using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// An approved contract's life in the portal: the custodian records its signature, dealer administration settles its
/// rebates, the rep finds it among the renewals due and drafts its renewal, and the branch manager terminates it.
/// </summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalContractLifecycleTests(PortalFixture portal)
{
    public sealed record Words(
        string Contracts, string RecordSignature, string Signed, string Document, string Settle, string RenewalsDue, string Renew, string Signing,
        string EffectiveFrom, string Terminate, string ConfirmTermination, string Reason, string Required, string Terminated);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("合同管理", "登记签订", "已签订", "查看合同文本", "结算返利", "即将到期的合同", "续签合同", "订货、违约与签订", "生效日期", "终止合同", "确认终止", "原因", "必填", "已终止") },
        { "en", new Words("Contracts", "Record the signature", "Signed", "Open the contract document", "Settle rebates", "Renewals due", "Renew", "Ordering, disputes and signing", "In effect from", "Terminate", "Confirm the termination", "Reason", "Required", "Terminated") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task an_approved_contract_is_signed_its_rebates_settled_renewed_and_terminated(string culture, Words words)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (id, number, customerId) = await ApprovedAsync(culture, from: thisMonth.AddMonths(-11), until: thisMonth.AddMonths(1).AddDays(-1));
        var page = $"/contracts/{id}";

        var custodian = await portal.SignInAsync("custodian", culture);
        await custodian.GotoAsync(page);
        await custodian.GetByRole(AriaRole.Button, new() { Name = words.RecordSignature }).ClickAsync();
        await Expect(custodian.GetByTestId("contract-status")).ToHaveTextAsync(words.Signed);
        await Expect(custodian.GetByRole(AriaRole.Link, new() { Name = words.Document })).ToBeVisibleAsync();
        await Expect(custodian.GetByTestId("rebates")).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(custodian);
        await PortalFixture.ScreenshotAsync(custodian, culture, "contract-signed");

        // Last month the dealer sold 100,000 CNY of tiles in its region, at its one rebate tier of 1 % from the first yuan: 1,000 CNY
        // due. Dealer administration of the region opens the contract and settles through that month, the one the form proposes.
        using (var repApi = await portal.ApiAsync("rep.east"))
        {
            var sales = new { rows = new[] { new { productCode = "TL-600", deliveredRegion = "EAST", grossQuantity = 1500, netQuantity = 1500, netAmount = 100_000, stockQuantity = 200, slowMovingQuantity = 0 } } };
            Assert.Equal(HttpStatusCode.OK, (await repApi.PutAsJsonAsync($"/api/contracts/sales-records/{customerId}/{lastMonth}", sales)).StatusCode);
        }

        var administration = await portal.SignInAsync("dealeradmin.east", culture);
        await administration.GotoAsync(page);
        await administration.GetByRole(AriaRole.Button, new() { Name = words.Settle }).ClickAsync();
        var settlement = administration.GetByTestId("settlements").Locator(".rz-data-row");
        await Expect(settlement).ToContainTextAsync(lastMonth);
        await Expect(settlement).ToContainTextAsync((100_000m * 0.01m).ToString("N2", CultureInfo.GetCultureInfo(culture)));
        await PortalFixture.AssertAccessibleAsync(administration);
        await PortalFixture.ScreenshotAsync(administration, culture, "contract-rebates");

        // It ends this month, so it is due for renewal; its renewal starts the day after it ends.
        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Contracts, Exact = true }).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.RenewalsDue }).ClickAsync();
        await rep.GetByTestId("renewals").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Renew, Exact = true }).ClickAsync();
        await rep.WaitForURLAsync("**/draft");
        await rep.GetByText(words.Signing, new() { Exact = true }).ClickAsync();
        await Expect(rep.GetByLabel(words.EffectiveFrom, new() { Exact = true }))
            .ToHaveValueAsync(thisMonth.AddMonths(1).ToString("d", CultureInfo.GetCultureInfo(culture)));

        var manager = await portal.SignInAsync("manager.east", culture);
        await manager.GotoAsync(page);
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Terminate, Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = words.ConfirmTermination }).ClickAsync();
        await Expect(manager.Locator("#reason-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(manager);
        await manager.GetByLabel(words.Reason, new() { Exact = true }).FillAsync("经销商停业 The dealer closed down");
        await manager.GetByRole(AriaRole.Button, new() { Name = words.ConfirmTermination }).ClickAsync();
        await Expect(manager.GetByTestId("contract-status")).ToHaveTextAsync(words.Terminated);
        await PortalFixture.ScreenshotAsync(manager, culture, "contract-terminated");
    }

    /// <summary>
    /// A new dealer of rep.east's and its contract (and the dealer's id), complete and approved by every step of its chain over the API, in
    /// effect over the period given.
    /// </summary>
    private async Task<(string Id, string Number, string CustomerId)> ApprovedAsync(string culture, DateOnly from, DateOnly until)
    {
        using var rep = await portal.ApiAsync("rep.east");
        var customerId = await PortalContractTests.RegisteredDealerAsync(rep, $"宁波测试经销商 {culture} {Guid.NewGuid().ToString("N")[..6]}");
        const string title = "年度经销协议 Annual distribution agreement";
        var created = await rep.PostAsJsonAsync("/api/contracts", new { customerId, title });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject();
        var id = draft["id"]!.GetValue<string>();
        var terms = Crm.Testing.ContractsApi.Complete(draft["terms"]!.AsObject(), "EAST");
        var (first, last) = (from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        terms["signing"]!["effectiveFrom"] = first;
        terms["signing"]!["effectiveUntil"] = last;
        terms["authority"]!["from"] = first;
        terms["authority"]!["until"] = last;
        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"/api/contracts/{id}/terms", new { title, terms })).StatusCode);
        var submitted = JsonNode.Parse(await (await rep.PostAsync($"/api/contracts/{id}/submit", null)).Content.ReadAsStringAsync())!;
        foreach (var step in submitted["chain"]!.AsArray())
        {
            using var approver = await portal.ApiAsync(PortalContractTests.Approvers[step!["role"]!.GetValue<string>()]);
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/api/contracts/{id}/decide", new { decision = "Approve" })).StatusCode);
        }

        return (id, submitted["number"]!.GetValue<string>(), customerId);
    }
}
