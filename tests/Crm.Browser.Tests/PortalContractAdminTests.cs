using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The Contracts administration screens: the custodian publishes a template's new version, the CRM supervisor edits the
/// contract approval rules (and puts them back, since the other contract tests' chains follow them), and the rep enters
/// a dealer's plan and sales for a month, by hand and by import, which the performance page then shows.
/// </summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalContractAdminTests(PortalFixture portal)
{
    public sealed record Words(
        string Templates, string PublishNext, string Name, string Publish, string Required, string Version, string VersionOf,
        string ApprovalRules, string RuleName, string Save, string Conflict, string RulesSaved,
        string Performance, string EnterSales, string Customer, string AddProduct, string PlanProduct, string Tile600, string PlanQuantity, string PlanAmount,
        string SavePlan, string AddLine, string Product, string Region, string East, string Gross, string Net, string NetAmount, string Stock, string SlowMoving,
        string SaveRecords, string Total, string ImportSummary);

    public static TheoryData<string, Words> Languages => new()
    {
        {
            "zh-CN", new Words(
                "合同模板", "发布新版本", "名称", "发布", "必填", "版本", "第 {0} 版（当前为第 {1} 版）",
                "合同审批规则", "规则 1 名称", "保存", "该记录已被他人修改", "审批规则已保存。",
                "销售计划与实绩", "录入销售计划与记录", "客户", "添加产品", "计划第 1 行产品", "抛光砖 Polished tile 600", "计划第 1 行数量", "计划第 1 行金额",
                "保存计划", "添加一行", "第 1 行产品", "第 1 行发货区域", "华东", "第 1 行毛销量", "第 1 行净销量", "第 1 行净销售额", "第 1 行存销量", "第 1 行滞销量",
                "保存销售记录", "本月净销售额：{0}；计划金额：{1}", "共 {0} 行：记录 {1} 行，拒绝 {2} 行，涉及 {3} 个经销商月份。")
        },
        {
            "en", new Words(
                "Contract templates", "Publish a new version", "Name", "Publish", "Required", "Version", "Version {0} (the current one is {1})",
                "Contract approval rules", "Name of rule 1", "Save", "Someone else changed this meanwhile", "Approval rules saved.",
                "Sales plans and actuals", "Enter sales plans and records", "Customer", "Add a product", "Planned product of line 1", "抛光砖 Polished tile 600", "Planned quantity of line 1", "Planned amount of line 1",
                "Save the plan", "Add a line", "Product of line 1", "Region delivered to, line 1", "East", "Gross sales of line 1", "Net sales of line 1", "Net amount of line 1", "Stock of line 1", "Slow-moving stock of line 1",
                "Save the sales records", "Net sales this month: {0}; planned: {1}", "{0} lines: {1} recorded, {2} rejected, for {3} dealer-months.")
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task the_contract_templates_approval_rules_and_a_dealers_sales_are_kept_in_the_portal(string culture, Words words)
    {
        await TemplatePublishedAsync(culture, words);
        await ApprovalRulesEditedAsync(culture, words);
        await SalesEnteredAsync(culture, words);
    }

    /// <summary>
    /// A template of the test's own, published over the API; the custodian publishes its second version in the portal,
    /// refused first on the name left blank, then reads its first version again.
    /// </summary>
    private async Task TemplatePublishedAsync(string culture, Words words)
    {
        var code = $"T-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var firstName = $"试销合同 Trial agreement {code}";
        using (var custodianApi = await portal.ApiAsync("custodian"))
        {
            var clauses = new
            {
                quality = "符合国家标准。Meets the national standard.", deliveryTerms = "按订单发货。Ships by order.", acceptance = "7 日内验收。Inspected within 7 days.",
                settlement = "款到发货。Payment before shipment.", orderingAndReturns = "月度订货。Monthly orders.", breachAndDisputes = "协商解决。Settled by talks.",
                seller = new { registeredName = "华瓷建材股份有限公司 Huaci Building Materials Co., Ltd." },
            };
            Assert.Equal(HttpStatusCode.OK, (await custodianApi.PutAsJsonAsync($"/api/contracts/templates/{code}", new { name = firstName, clauses })).StatusCode);
        }

        var custodian = await portal.SignInAsync("custodian", culture);
        await custodian.GetByRole(AriaRole.Link, new() { Name = words.Templates, Exact = true }).ClickAsync();
        await Expect(custodian.GetByTestId("templates")).ToContainTextAsync(firstName);
        await PortalFixture.AssertAccessibleAsync(custodian);
        await PortalFixture.ScreenshotAsync(custodian, culture, "contract-templates");

        await custodian.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await custodian.GetByRole(AriaRole.Button, new() { Name = words.PublishNext }).ClickAsync();
        await custodian.GetByLabel(words.Name, new() { Exact = true }).FillAsync("");
        await custodian.GetByRole(AriaRole.Button, new() { Name = words.Publish, Exact = true }).ClickAsync();
        await Expect(custodian.Locator("[id='name-error']")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(custodian);
        await PortalFixture.ScreenshotAsync(custodian, culture, "contract-template-publish-invalid");

        await custodian.GetByLabel(words.Name, new() { Exact = true }).FillAsync($"试销合同（2027）Trial agreement (2027) {code}");
        await custodian.GetByRole(AriaRole.Button, new() { Name = words.Publish, Exact = true }).ClickAsync();
        await Expect(custodian.GetByTestId("template-version")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, words.VersionOf, 2, 2));
        await PortalFixture.AssertAccessibleAsync(custodian);
        await PortalFixture.ScreenshotAsync(custodian, culture, "contract-template");

        await ChooseAsync(custodian, words.Version, "1", ".filters > div");
        await Expect(custodian.GetByTestId("template-version")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, words.VersionOf, 1, 2));
        await Expect(custodian.GetByTestId("template-clauses")).ToContainTextAsync(firstName);
    }

    /// <summary>
    /// The supervisor renames the first rule; a save after someone else changed the rules is refused as stale, a save
    /// after reloading them is kept. The rules as they were are put back whatever happens.
    /// </summary>
    private async Task ApprovalRulesEditedAsync(string culture, Words words)
    {
        using var supervisorApi = await portal.ApiAsync("supervisor");
        var original = JsonNode.Parse(await supervisorApi.GetStringAsync("/api/contracts/approval-rules"))!;
        var renamed = $"{original["rules"]![0]!["name"]!.GetValue<string>()} · {Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            var supervisor = await portal.SignInAsync("supervisor", culture);
            await supervisor.GetByRole(AriaRole.Link, new() { Name = words.ApprovalRules, Exact = true }).ClickAsync();
            await supervisor.GetByLabel(words.RuleName, new() { Exact = true }).FillAsync(renamed);
            await PortalFixture.AssertAccessibleAsync(supervisor);
            await PortalFixture.ScreenshotAsync(supervisor, culture, "contract-approval-rules");

            Assert.Equal(HttpStatusCode.OK, (await PutRulesAsync(supervisorApi, original)).StatusCode);
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.GetByTestId("form-problem")).ToContainTextAsync(words.Conflict);

            await supervisor.ReloadAsync();
            await supervisor.GetByLabel(words.RuleName, new() { Exact = true }).FillAsync(renamed);
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.GetByText(words.RulesSaved, new() { Exact = true })).ToBeVisibleAsync();
            Assert.Equal(renamed, JsonNode.Parse(await supervisorApi.GetStringAsync("/api/contracts/approval-rules"))!["rules"]![0]!["name"]!.GetValue<string>());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await PutRulesAsync(supervisorApi, original)).StatusCode);
        }
    }

    /// <summary>Replaces the approval rules with those given, over whatever version is current.</summary>
    private static async Task<HttpResponseMessage> PutRulesAsync(HttpClient api, JsonNode rules)
    {
        using var current = await api.GetAsync("/api/contracts/approval-rules");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/contracts/approval-rules")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["rules"] = rules["rules"]!.DeepClone(), ["overCredit"] = rules["overCredit"]!.DeepClone(), ["creditRole"] = rules["creditRole"]!.DeepClone(),
            }),
        };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await api.SendAsync(request);
    }

    /// <summary>
    /// The rep plans 100,000 CNY of tiles for a new dealer last month and records 80,000 CNY of them by hand, then imports a
    /// file with another 10,000 CNY and a line of an unknown product; the performance page shows the plan against the 90,000.
    /// </summary>
    private async Task SalesEnteredAsync(string culture, Words words)
    {
        var numbers = CultureInfo.GetCultureInfo(culture);
        var lastMonth = ThisMonth().AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var dealer = $"浙江销售录入经销商 {culture} {Guid.NewGuid().ToString("N")[..6]}";
        string code;
        using (var repApi = await portal.ApiAsync("rep.east"))
        {
            var customerId = await PortalContractTests.RegisteredDealerAsync(repApi, dealer);
            code = JsonNode.Parse(await repApi.GetStringAsync($"/api/customers/{customerId}"))!["code"]!.GetValue<string>();
        }

        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GotoAsync("/contracts/performance");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.EnterSales }).ClickAsync();
        await ChooseAsync(rep, words.Customer, dealer, ".filters > div", filter: dealer);

        await rep.GetByRole(AriaRole.Button, new() { Name = words.AddProduct, Exact = true }).ClickAsync();
        await ChooseAsync(rep, words.PlanProduct, words.Tile600);
        await rep.GetByLabel(words.PlanQuantity, new() { Exact = true }).FillAsync("1000");
        await rep.GetByLabel(words.PlanAmount, new() { Exact = true }).FillAsync("100000");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.SavePlan, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("plan-updated")).ToContainTextAsync("rep.east");

        await rep.GetByRole(AriaRole.Button, new() { Name = words.AddLine, Exact = true }).ClickAsync();
        await ChooseAsync(rep, words.Product, words.Tile600);
        await ChooseAsync(rep, words.Region, words.East);
        foreach (var (label, value) in new[] { (words.Gross, "900"), (words.Net, "800"), (words.NetAmount, "80000"), (words.Stock, "100"), (words.SlowMoving, "10") })
        {
            await rep.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        }

        await rep.GetByRole(AriaRole.Button, new() { Name = words.SaveRecords, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("sales-total")).ToHaveTextAsync(string.Format(numbers, words.Total, 80_000m.ToString("N2", numbers), 100_000m.ToString("N2", numbers)));
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "contract-sales-entry");

        // Dealer administration, which sees no customer in Customers, finds the dealer among those whose sales it records,
        // and imports the rest of the month's sales.
        var administration = await portal.SignInAsync("dealeradmin.east", culture);
        await administration.GotoAsync("/contracts/sales");
        await ChooseAsync(administration, words.Customer, dealer, ".filters > div", filter: dealer);
        await Expect(administration.GetByTestId("sales-total")).ToHaveTextAsync(string.Format(numbers, words.Total, 80_000m.ToString("N2", numbers), 100_000m.ToString("N2", numbers)));
        var csv = "customerCode,month,productCode,deliveredRegion,grossQuantity,netQuantity,netAmount,stockQuantity,slowMovingQuantity\n"
            + $"{code},{lastMonth},TL-800,EAST,100,100,10000,20,0\n"
            + $"{code},{lastMonth},NO-SUCH,EAST,5,5,500,0,0\n";
        await PortalFixture.ChooseFilesAsync(administration.Locator("#sales-csv"), new FilePayload { Name = "sales.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(administration.GetByTestId("import-summary")).ToHaveTextAsync(string.Format(numbers, words.ImportSummary, 2, 1, 1, 1));
        await Expect(administration.GetByTestId("import-report").Locator("tbody tr").First).ToContainTextAsync("productCode");
        await Expect(administration.GetByTestId("sales-total")).ToHaveTextAsync(string.Format(numbers, words.Total, 90_000m.ToString("N2", numbers), 100_000m.ToString("N2", numbers)));
        await PortalFixture.AssertAccessibleAsync(administration);

        await rep.GotoAsync("/contracts/performance");
        var row = rep.GetByTestId("performance").Locator("tr", new() { Has = rep.GetByRole(AriaRole.Rowheader, new() { Name = dealer, Exact = true }) });
        await Expect(row).ToContainTextAsync(100_000m.ToString("N2", numbers));
        await Expect(row).ToContainTextAsync(90_000m.ToString("N2", numbers));
    }

    /// <summary>The first of this month in the company's time zone.</summary>
    private static DateOnly ThisMonth()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>Opens the drop-down labelled so (within the container of its label) and picks the option, typing into its filter first when asked.</summary>
    private static Task ChooseAsync(IPage page, string label, string option, string container = "div.field", string? filter = null) =>
        PortalFixture.ChooseAsync(page.Locator(container, new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator(".rz-dropdown"), option, filter);
}
