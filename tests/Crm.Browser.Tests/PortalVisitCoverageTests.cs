using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// Who is due for a visit and who waits for whom: a customer the rep has just registered (never visited, so due today)
/// on the rep's home and due list, in the manager's coverage report among the customers never visited; the manager's
/// home counts what waits in each inbox; the CRM supervisor sets a region's visit frequency.
/// </summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalVisitCoverageTests(PortalFixture portal)
{
    public sealed record Words(
        string Due, string Never, string OverdueOnly, string NoneOverdue, string WaitingReports, string WaitingPlans, string WaitingContracts,
        string WaitingHospitality, string Coverage, string From, string To, string Show, string OnOrAfter, string GroupBy, string Region, string North,
        string Frequency);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("待拜访客户", "从未拜访", "只看逾期", "没有逾期的客户。", "待审核拜访报告：", "待审核拜访计划：", "待审批合同：", "待审批参观申请：", "拜访覆盖报表", "开始日期", "结束日期", "查看报表", "须不早于开始日期", "统计维度", "区域", "华北", "拜访频次") },
        { "en", new Words("Customers due", "Never visited", "Overdue only", "No customer is overdue.", "Visit reports to review: ", "Visit plans to review: ", "Contracts to approve: ", "Company visits to approve: ", "Visit coverage", "From", "To", "Show the report", "On or after from", "Group by", "Region", "North", "Visit frequency") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_customer_never_visited_is_due_for_the_rep_and_in_the_managers_coverage_report(string culture, Words words)
    {
        var format = CultureInfo.GetCultureInfo(culture);
        var today = PortalVisitPlanTests.CompanyToday();
        var name = $"覆盖测试 Coverage {Guid.NewGuid():N}"[..24];
        using var repApi = await portal.ApiAsync("rep.north");
        var registered = await repApi.PostAsJsonAsync("/api/customers", new { name, kind = "Retailer", region = "NORTH" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await Crm.Testing.Eventually.True(async () => (await repApi.GetStringAsync("/api/visits/due?pageSize=200")).Contains(name, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the new customer to reach Visits");
        var overdue = await Names(repApi, "/api/visits/due?overdueOnly=true&pageSize=200");

        var rep = await portal.SignInAsync("rep.north", culture);
        await Expect(rep.GetByTestId("home-due-week").Locator("li", new() { HasText = name })).ToContainTextAsync(today.ToString("d", format));
        if (overdue.Count == 0)
        {
            await Expect(rep.GetByTestId("home-due")).ToContainTextAsync(words.NoneOverdue);
        }
        else
        {
            await Expect(rep.GetByTestId("home-overdue").Locator("li a")).ToHaveTextAsync(overdue.ToArray());
        }

        await Expect(rep.GetByRole(AriaRole.Link, new() { Name = words.Frequency, Exact = true })).ToHaveCountAsync(0);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "home-rep-visits");

        await rep.GetByRole(AriaRole.Link, new() { Name = words.Due, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("due-list").Locator(".rz-data-row", new() { HasText = name })).ToContainTextAsync(words.Never);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visits-due");
        await rep.GetByText(words.OverdueOnly, new() { Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("due-list").Locator(".rz-data-row", new() { HasText = name })).ToHaveCountAsync(0);

        using var managerApi = await portal.ApiAsync("manager.north");
        var manager = await portal.SignInAsync("manager.north", culture);
        var waiting = manager.GetByTestId("home-waiting");
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = words.WaitingReports + await Total(managerApi, "/api/visits?reportStatus=Submitted", format), Exact = true })).ToBeVisibleAsync();
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = words.WaitingPlans + await Total(managerApi, "/api/visits/plans?status=Submitted", format), Exact = true })).ToBeVisibleAsync();
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = words.WaitingContracts + await Total(managerApi, "/api/contracts/inbox", format), Exact = true })).ToBeVisibleAsync();
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = words.WaitingHospitality + await Total(managerApi, "/api/hospitality/inbox", format), Exact = true })).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "home-manager-waiting");

        await manager.GetByRole(AriaRole.Link, new() { Name = words.Coverage, Exact = true }).ClickAsync();
        await Expect(manager.GetByTestId("coverage-never").Locator(".rz-data-row", new() { HasText = name })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("coverage-groups").Locator(".rz-data-row", new() { HasText = "rep.north" })).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "visits-coverage");

        await manager.GetByLabel(words.From, new() { Exact = true }).FillAsync(today.AddDays(1).ToString("d", format));
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Show }).ClickAsync();
        await Expect(manager.Locator("#to-error")).ToContainTextAsync(words.OnOrAfter);
        await manager.GetByLabel(words.From, new() { Exact = true }).FillAsync(today.AddDays(-30).ToString("d", format));
        await PortalFixture.ChooseAsync(manager.Locator(".field", new() { Has = manager.GetByText(words.GroupBy, new() { Exact = true }) }).Locator(".rz-dropdown"), words.Region);
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Show }).ClickAsync();
        await Expect(manager.GetByTestId("coverage-groups").Locator(".rz-data-row")).ToHaveTextAsync(new[] { new System.Text.RegularExpressions.Regex($"^{words.North}") });
        await Expect(manager.GetByTestId("coverage-never").Locator(".rz-data-row", new() { HasText = name })).ToBeVisibleAsync();
    }

    public static TheoryData<string, string, string, string, string, string, string> FrequencyLanguages => new()
    {
        { "zh-CN", "拜访频次", "区域", "打开", "普通客户 A 级（天）", "保存", "必填" },
        { "en", "Visit frequency", "Region", "Open", "Ordinary, A (days)", "Save", "Required" },
    };

    [Theory]
    [MemberData(nameof(FrequencyLanguages))]
    public async Task the_crm_supervisor_sets_a_regions_visit_frequency(string culture, string frequency, string region, string open, string ordinaryA, string save, string required)
    {
        // A region of this test's own, so that no other test's due dates move.
        var code = $"QA{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var supervisor = await portal.SignInAsync("supervisor", culture);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = frequency, Exact = true }).ClickAsync();
        await supervisor.GetByLabel(region, new() { Exact = true }).FillAsync(code);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = open, Exact = true }).ClickAsync();
        var state = supervisor.GetByTestId("frequency-state");
        await Expect(supervisor.GetByLabel(ordinaryA, new() { Exact = true })).ToHaveValueAsync("7");

        await supervisor.GetByLabel(ordinaryA, new() { Exact = true }).ClearAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(supervisor.Locator("[id='ordinary.a-error']")).ToContainTextAsync(required);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "visit-frequency-invalid");

        await supervisor.GetByLabel(ordinaryA, new() { Exact = true }).FillAsync("5");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await Expect(state).ToContainTextAsync("supervisor");
        await supervisor.ReloadAsync();
        await supervisor.GetByLabel(region, new() { Exact = true }).FillAsync(code);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = open, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByLabel(ordinaryA, new() { Exact = true })).ToHaveValueAsync("5");
        await PortalFixture.AssertAccessibleAsync(supervisor);
    }

    private static async Task<List<string>> Names(HttpClient api, string path) =>
        (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();

    private static async Task<string> Total(HttpClient api, string path, CultureInfo format) =>
        (await api.GetFromJsonAsync<JsonElement>(path)).GetProperty("totalCount").GetInt32().ToString("N0", format);
}
