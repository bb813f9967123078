using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The customer card's work beyond the profile: a manager decides a grade proposed by a visit and sets the credit limit,
/// which the CRM supervisor then finds in the audit log, next to the complaint filed for the customer in Complaints' log;
/// a rep records an evaluation after a refused score, marks the card verified and reads a dealer's sales.
/// </summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalCustomerCardTests(PortalFixture portal)
{
    public sealed record Words(
        string ProposedD, string Confirm, string GradeD, string EToD, string NewLimit, string Reason, string ChangeLimit, string Limit,
        string AuditLog, string User, string Action, string CreditLimitChanged, string Search, string Service, string Complaints, string ComplaintFiled,
        string SalesAlerts,
        string Record, string Transactions, string Profitability, string Safety, string Growth, string Cooperation, string CreditRating,
        string Save, string Between, string NoEvaluations, string[] Outcomes, string Verify);

    public static TheoryData<string, Words> Languages => new()
    {
        {
            "zh-CN", new Words("提议调整为 D 级", "确认", "D 级", "E 级 → D 级", "新额度（元）", "调整原因", "调整信用额度", "800,000.00 CNY",
                "审计日志", "用户", "操作", "信用额度调整", "搜索", "服务", "客户投诉", "登记投诉", "窜货与价格预警",
                "记录评价", "交易", "盈利", "安全", "成长", "合作", "信用等级", "保存评价", "应在 0 到 100 之间", "尚无评价。", ["奖励", "扶持", "淘汰"], "确认已核实")
        },
        {
            "en", new Words("Proposed: D", "Confirm", "D", "E → D", "New limit (CNY)", "Reason", "Change the credit limit", "800,000.00 CNY",
                "Audit log", "User", "Action", "Credit limit changed", "Search", "Service", "Complaints", "Complaint filed", "Cross-region and price alerts",
                "Record an evaluation", "Transactions", "Profitability", "Safety", "Growth", "Cooperation", "Credit rating", "Save the evaluation",
                "Must be from 0 to 100", "No evaluations yet.", ["reward", "support", "eliminate"], "Mark as verified")
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_manager_confirms_a_visits_grade_proposal_and_sets_the_credit_limit_which_the_supervisor_finds_in_the_audit_log(string culture, Words words)
    {
        var id = await CustomerWithProposedGradeAsync(culture, "D");
        var complaint = await CustomerSetup.FileComplaintAsync(portal, id);

        var manager = await portal.SignInAsync("manager.east", culture);
        await manager.GotoAsync($"/customers/{id}");
        var proposals = manager.GetByTestId("grade-proposals");
        await Expect(proposals).ToContainTextAsync(words.ProposedD);
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "customer-grade-proposal");

        await proposals.GetByRole(AriaRole.Button, new() { Name = words.Confirm, Exact = true }).ClickAsync();
        await Expect(proposals).ToHaveCountAsync(0);
        await Expect(manager.Locator("h1 .grade-badge")).ToHaveTextAsync(words.GradeD);
        await Expect(manager.GetByTestId("grade-history").Locator("li")).ToHaveCountAsync(2);
        await Expect(manager.GetByTestId("grade-history").Locator("li").First).ToContainTextAsync(words.EToD);

        var reason = $"Annual review {Guid.NewGuid():N}";
        var credit = manager.GetByTestId("credit");
        await credit.GetByLabel(words.NewLimit, new() { Exact = true }).FillAsync("800000");
        await credit.GetByLabel(words.Reason, new() { Exact = true }).FillAsync(reason);
        await credit.GetByRole(AriaRole.Button, new() { Name = words.ChangeLimit }).ClickAsync();
        await Expect(manager.GetByTestId("credit-limit")).ToHaveTextAsync(words.Limit);
        await Expect(credit.Locator(".rz-data-row").First).ToContainTextAsync(reason);
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "customer-credit");

        var supervisor = await portal.SignInAsync("supervisor", culture);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.AuditLog }).ClickAsync();
        await supervisor.GetByLabel(words.User, new() { Exact = true }).FillAsync("manager.east");
        await PortalFixture.ChooseAsync(supervisor.Locator(".filters > div", new() { Has = supervisor.GetByText(words.Action, new() { Exact = true }) }).Locator(".rz-dropdown"), words.CreditLimitChanged);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Search, Exact = true }).ClickAsync();

        var newest = supervisor.GetByTestId("audit-log").Locator(".rz-data-row").First;
        await Expect(newest).ToContainTextAsync(reason);
        await Expect(newest).ToContainTextAsync("creditLimit: 0.00 → 800000.00");
        await Expect(newest).ToContainTextAsync(words.CreditLimitChanged);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "customer-audit");

        await PortalFixture.ChooseAsync(supervisor.Locator(".filters > div", new() { Has = supervisor.GetByText(words.Service, new() { Exact = true }) }).Locator(".rz-dropdown"), words.Complaints);
        await supervisor.GetByLabel(words.User, new() { Exact = true }).FillAsync("rep.east");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Search, Exact = true }).ClickAsync();

        var filed = supervisor.GetByTestId("audit-log").Locator(".rz-data-row", new() { HasText = complaint });
        await Expect(filed.Filter(new() { HasText = words.ComplaintFiled })).ToHaveCountAsync(1);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-audit");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_records_an_evaluation_after_a_refused_score_sees_it_in_the_chart_and_marks_the_card_verified(string culture, Words words)
    {
        var id = await CustomerSetup.RegisterAsync(portal, Name(culture));
        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GotoAsync($"/customers/{id}");
        var evaluations = rep.GetByTestId("evaluations");
        await evaluations.GetByRole(AriaRole.Button, new() { Name = words.Record }).ClickAsync();

        int[] scores = [120, 70, 90, 60, 75];
        string[] labels = [words.Transactions, words.Profitability, words.Safety, words.Growth, words.Cooperation];
        foreach (var (label, value) in labels.Zip(scores))
        {
            await evaluations.GetByLabel(label, new() { Exact = true }).FillAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        await PortalFixture.ChooseAsync(evaluations.Locator(".field", new() { Has = rep.GetByText(words.CreditRating, new() { Exact = true }) }).Locator(".rz-dropdown"), "AA");
        await evaluations.GetByRole(AriaRole.Button, new() { Name = words.Save }).ClickAsync();

        // A score above 100 is refused on its own field, and nothing is stored.
        await Expect(rep.Locator("#transactions-error")).ToContainTextAsync(words.Between);
        await Expect(evaluations.GetByLabel(words.Transactions, new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", "transactions-error");
        await Expect(evaluations).ToContainTextAsync(words.NoEvaluations);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "customer-evaluation-invalid");

        scores[0] = 80;
        await evaluations.GetByLabel(words.Transactions, new() { Exact = true }).FillAsync("80");
        await evaluations.GetByRole(AriaRole.Button, new() { Name = words.Save }).ClickAsync();

        var (score, outcome) = await ExpectedEvaluationAsync(scores);
        var chart = rep.GetByTestId("evaluation-chart");
        foreach (var (label, value) in labels.Zip(scores))
        {
            await Expect(chart.Locator("tr", new() { Has = rep.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) }))
                .ToContainTextAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        var latest = rep.GetByTestId("evaluation-latest");
        await Expect(latest).ToContainTextAsync(score.ToString("N2", CultureInfo.GetCultureInfo(culture)));
        await Expect(latest).ToContainTextAsync(words.Outcomes[outcome]);
        await Expect(evaluations.Locator(".rz-data-row")).ToHaveCountAsync(1);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "customer-evaluation");

        // Having checked the card with the customer, the rep marks it verified today.
        await Expect(rep.GetByTestId("last-verified")).ToHaveTextAsync("—");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Verify }).ClickAsync();
        await Expect(rep.GetByTestId("last-verified")).ToHaveTextAsync(
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("d", CultureInfo.GetCultureInfo(culture)));

        // A seeded dealer's card shows its months of sales and the 窜货 alert raised on them.
        var (dealer, months) = await DealerWithSalesAsync("DEMO-E001");
        await rep.GotoAsync($"/customers/{dealer}");
        var sales = rep.GetByTestId("sales");
        await Expect(sales.Locator(".rz-data-grid").First.Locator(".rz-data-row")).ToHaveCountAsync(months);
        await Expect(sales.GetByRole(AriaRole.Heading, new() { Name = words.SalesAlerts })).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "customer-sales");
    }

    /// <summary>A new dealer of rep.east's, with a grade proposed by the rep's visit today, pending.</summary>
    private async Task<string> CustomerWithProposedGradeAsync(string culture, string grade)
    {
        var id = await CustomerSetup.RegisterAsync(portal, Name(culture));
        await CustomerSetup.VisitAsync(portal, id, new { purpose = "Product training", satisfaction = 4, proposedGrade = grade, gradeReason = "Asked for a quotation" },
            async api => (await api.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/grade-proposals?status=Pending")).GetArrayLength() > 0);
        return id;
    }

    /// <summary>A demo dealer's id and how many months of sales Customers holds for it, once Contracts' seeded sales have arrived.</summary>
    private async Task<(string Id, int Months)> DealerWithSalesAsync(string code)
    {
        using var api = await portal.ApiAsync("rep.east");
        var id = (await api.GetFromJsonAsync<JsonElement>($"/api/customers?q={code}")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var months = await Crm.Testing.Eventually.Get(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/sales")).GetProperty("months").GetArrayLength() is > 0 and var n ? (object)n : null,
            TimeSpan.FromSeconds(10), "the demo dealer's sales to reach Customers");
        return (id, (int)months);
    }

    private static string Name(string culture) => $"卡片测试客户 {culture} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The score and outcome (0 reward, 1 support, 2 eliminate) by the rule: Σ score×weight ÷ Σ weight against the thresholds.</summary>
    private async Task<(decimal Score, int Outcome)> ExpectedEvaluationAsync(int[] scores)
    {
        using var http = await portal.ApiAsync("supervisor");
        var w = await http.GetFromJsonAsync<JsonElement>("/api/customers/evaluation-weights");
        int[] weights = [.. new[] { "transactions", "profitability", "safety", "growth", "cooperation" }.Select(n => w.GetProperty(n).GetInt32())];
        var score = Math.Round((decimal)scores.Zip(weights).Sum(p => p.First * p.Second) / weights.Sum(), 2, MidpointRounding.AwayFromZero);
        return (score, score >= w.GetProperty("rewardAtLeast").GetInt32() ? 0 : score < w.GetProperty("eliminateBelow").GetInt32() ? 2 : 1);
    }
}
