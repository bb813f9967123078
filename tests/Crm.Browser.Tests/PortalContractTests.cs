using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>A submitted contract through its approval chain in the portal, and the sales screens of Contracts.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalContractTests(PortalFixture portal)
{
    private static readonly Dictionary<string, string> Approvers = new()
    {
        ["BranchManager"] = "manager.east", ["RegionalDirector"] = "director.east", ["MarketingGM"] = "gm", ["Chairman"] = "chairman",
    };

    public sealed record Words(
        string Contracts, string Inbox, string Approve, string Approved, string Performance, string Alerts, string Resolve, string Decision,
        string Warning, string Note, string Required);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("合同管理", "待我审批的合同", "通过", "已批准", "销售计划与实绩", "窜货预警", "处理", "处理决定", "警告", "说明", "必填") },
        { "en", new Words("Contracts", "Contracts waiting for me", "Approve", "Approved", "Sales plans and actuals", "Cross-region sales (窜货) alerts", "Resolve", "Decision", "Warning", "Note", "Required") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_contract_goes_through_approval_by_each_role_of_its_chain(string culture, Words words)
    {
        var (number, chain) = await SubmittedContractAsync($"浙江测试经销商 {culture} {Guid.NewGuid().ToString("N")[..6]}");

        foreach (var role in chain)
        {
            var approver = await portal.SignInAsync(Approvers[role], culture);
            await approver.GetByRole(AriaRole.Link, new() { Name = words.Contracts, Exact = true }).ClickAsync();
            await approver.GetByRole(AriaRole.Button, new() { Name = words.Inbox }).ClickAsync();
            await approver.GetByTestId("contract-inbox").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
            await Expect(approver.GetByTestId("chain")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(approver);
            await PortalFixture.ScreenshotAsync(approver, culture, $"contract-{role}");
            await approver.GetByRole(AriaRole.Button, new() { Name = words.Approve, Exact = true }).ClickAsync();
            // The step now shows who approved it.
            await Expect(approver.GetByTestId("chain").Locator("li").Nth(chain.IndexOf(role))).ToContainTextAsync(Approvers[role]);
        }

        var manager = await portal.SignInAsync("manager.east", culture);
        await manager.GotoAsync("/contracts");
        await manager.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Expect(manager.GetByTestId("contract-status")).ToHaveTextAsync(words.Approved);

        await manager.GotoAsync("/contracts");
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Performance }).ClickAsync();
        // The plot itself, after the legend's swatches.
        await Expect(manager.GetByTestId("performance-chart").Locator("svg").Last).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("performance").Locator("tbody tr").First).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "contracts-performance");

        var supervisor = await portal.SignInAsync("supervisor", culture);
        await supervisor.GotoAsync("/contracts/cross-region");
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = words.Alerts })).ToBeVisibleAsync();
        await Expect(supervisor.GetByTestId("alerts").Locator(".rz-data-row").First).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "contracts-cross-region");

        // The supervisor decides an open alert (the demo's 窜货 sale raised two): the decision is required, then kept.
        var resolved = await supervisor.GetByTestId("alerts").GetByText(words.Warning).CountAsync();
        await supervisor.GetByTestId("alerts").GetByRole(AriaRole.Button, new() { Name = words.Resolve }).First.ClickAsync();
        await supervisor.GetByLabel(words.Note, new() { Exact = true }).FillAsync("First time: a written warning");
        await supervisor.Locator("form[aria-label] button[type=submit]").ClickAsync();
        await Expect(supervisor.Locator("#decision-error")).ToContainTextAsync(words.Required);
        await supervisor.Locator(".field", new() { Has = supervisor.GetByText(words.Decision, new() { Exact = true }) }).Locator(".rz-dropdown").ClickAsync();
        await supervisor.GetByRole(AriaRole.Option, new() { Name = words.Warning, Exact = true }).ClickAsync();
        await supervisor.Locator("form[aria-label] button[type=submit]").ClickAsync();
        await Expect(supervisor.GetByTestId("alerts").GetByText(words.Warning)).ToHaveCountAsync(resolved + 1);
    }

    /// <summary>
    /// A dealer of rep.east's and its contract drafted by the rep, completed in every part and submitted over the API
    /// (drafting part by part has no portal screen yet): the contract's number and the roles of its chain. Nobody
    /// approves a contract they drafted, so the rep drafts it.
    /// </summary>
    private async Task<(string Number, List<string> Chain)> SubmittedContractAsync(string dealer)
    {
        using var rep = await portal.ApiAsync("rep.east");
        var registered = await rep.PostAsJsonAsync("/api/customers", new { name = dealer, kind = "Dealer", region = "EAST", address = "杭州市西湖区文三路 8 号" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // The dealer reaches Contracts over the bus; until then a draft names an unknown customer.
        var draft = await Crm.Testing.Eventually.Get(async () =>
        {
            var created = await rep.PostAsJsonAsync("/api/contracts", new { customerId, title = "年度经销协议 Annual distribution agreement" });
            return created.StatusCode == HttpStatusCode.Created ? JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject() : null;
        }, TimeSpan.FromSeconds(10), "the dealer to reach Contracts, so that a draft can name it");
        var id = draft["id"]!.GetValue<string>();
        var terms = Crm.Testing.ContractsApi.Complete(draft["terms"]!.AsObject(), "EAST");
        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"/api/contracts/{id}/terms", new { title = "年度经销协议 Annual distribution agreement", terms })).StatusCode);
        var submitted = await rep.PostAsync($"/api/contracts/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var contract = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        return (contract["number"]!.GetValue<string>(), contract["chain"]!.AsArray().Select(s => s!["role"]!.GetValue<string>()).ToList());
    }
}
