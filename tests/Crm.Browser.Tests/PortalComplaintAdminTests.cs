using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// What the CRM supervisor runs for complaints: the departments and the routing rules (tried on a sample before they are
/// published), the SLA policies, a complaint's assignment, return visit and close, and the reports. Every test works
/// with a department and a product line of its own, so the rules it publishes route only its own complaints and the
/// other tests' routing, targets and reports stay as they were.
/// </summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalComplaintAdminTests(PortalFixture portal)
{
    public sealed record Words(
        string Settings, string Departments, string Code, string Name, string Head, string Save,
        string Routing, string AddRule, string RuleName, string Department, string ProductLines, string AddFirst, string ProductLine, string TryDraft,
        string MediumOrdinaryTargets, string Publish, string Version,
        string AssignTo, string Assign, string Start, string InProgress, string RootCause, string Fix, string Resolve, string Resolved,
        string Satisfaction, string Satisfied, string RecordReturnVisit, string Close, string Closed,
        string Reports, string FullCompliance, string Minimum, string Show,
        string AuditTrail, string ComplaintFiled, string ComplaintAssigned, string ComplaintClosed, string OnlyThisItem, string ShowAll,
        string SlaPolicies, string LowOrdinaryResolution, string AtLeastFirstResponse, string Conflict, string Calendars);

    public static TheoryData<string, Words> Languages => new()
    {
        {
            "zh-CN", new Words(
                "投诉 SLA 与日历", "部门", "代码", "名称", "负责人（用户名）", "保存",
                "投诉路由规则", "添加规则", "规则名称", "责任部门", "产品线（逗号分隔）", "添加到最前", "产品线", "按编辑中的规则试运行",
                "首次响应 8 小时，解决 40 小时", "发布新版本", "版本",
                "指派给（用户名）", "指派", "开始处理", "处理中", "原因分析", "处理措施", "解决", "已解决",
                "客户满意度", "4 – 满意", "记录回访", "结案", "已关闭",
                "投诉报表", "100.0%", "重复投诉的最少次数", "查询",
                "审计记录", "登记投诉", "指派处理人", "关闭投诉", "只显示这一项的记录", "显示全部",
                "SLA 政策", "低 · 普通客户：解决（工作小时）", "不少于首次响应目标", "该记录已被他人修改", "工作日历")
        },
        {
            "en", new Words(
                "SLA, calendars and departments", "Departments", "Code", "Name", "Head (user name)", "Save",
                "Routing rules", "Add a rule", "Rule name", "Department", "Product lines (separated by commas)", "Add as the first rule", "Product line", "Try with the rules being edited",
                "First response 8 h, resolution 40 h", "Publish the new version", "Version",
                "Assign to (user name)", "Assign", "Start", "In progress", "Root cause", "Fix", "Resolve", "Resolved",
                "Customer satisfaction", "4 – satisfied", "Record the return visit", "Close", "Closed",
                "Complaint reports", "100.0%", "Least complaints for a repeat", "Show",
                "Audit trail", "Complaint filed", "Complaint assigned", "Complaint closed", "Only this item's entries", "Show all",
                "SLA policies", "Low · Ordinary: resolution (business hours)", "at least the first-response target", "Someone else changed this meanwhile", "Working calendars")
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task the_supervisor_adds_a_department_tries_a_rule_on_a_sample_publishes_it_and_a_new_complaint_follows_it(string culture, Words words)
    {
        var (code, productLine) = Unique();
        var departmentName = $"Test desk {code}";
        var supervisor = await portal.SignInAsync("supervisor", culture);

        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Settings, Exact = true }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Tab, new() { Name = words.Departments, Exact = true }).ClickAsync();
        await supervisor.GetByLabel(words.Code, new() { Exact = true }).FillAsync(code);
        await supervisor.GetByLabel(words.Name, new() { Exact = true }).FillAsync(departmentName);
        await supervisor.GetByLabel(words.Head, new() { Exact = true }).FillAsync("handler.quality");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("departments")).ToContainTextAsync(departmentName);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-departments");

        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Routing, Exact = true }).ClickAsync();
        var current = int.Parse(Regex.Match((await supervisor.GetByTestId("shown-version").TextContentAsync())!, @"\d+").Value, CultureInfo.InvariantCulture);
        await supervisor.GetByLabel(words.RuleName, new() { Exact = true }).FillAsync($"Product line {productLine} to the test desk");
        await ChooseAsync(supervisor, words.Department, departmentName, supervisor.GetByRole(AriaRole.Form, new() { Name = words.AddRule }));
        await supervisor.GetByLabel(words.ProductLines, new() { Exact = true }).FillAsync(productLine);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.AddFirst, Exact = true }).ClickAsync();

        // The sample is the form's default (product quality, medium, an ordinary customer) in the rule's product line.
        await supervisor.GetByLabel(words.ProductLine, new() { Exact = true }).FillAsync(productLine);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.TryDraft, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("dry-run-department")).ToHaveTextAsync(departmentName);
        await Expect(supervisor.GetByTestId("dry-run-sla")).ToContainTextAsync(words.MediumOrdinaryTargets);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-routing-dry-run");

        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Publish, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("shown-version")).ToContainTextAsync((current + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(supervisor.GetByTestId("routing-rules").First).ToContainTextAsync(departmentName);

        var complaints = await FileAsync(code, productLine, count: 1);
        await supervisor.GotoAsync($"/complaints/{complaints[0]}");
        await Expect(supervisor.GetByTestId("complaint-department")).ToHaveTextAsync(departmentName);
        await PortalFixture.AssertAccessibleAsync(supervisor);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_complaint_is_assigned_resolved_visited_and_closed_and_the_reports_count_it(string culture, Words words)
    {
        var (code, productLine) = Unique();
        var departmentName = $"Test desk {code}";
        await RouteToOwnDepartmentAsync(code, departmentName, productLine);
        var complaints = await FileAsync(code, productLine, count: 2);
        var supervisor = await portal.SignInAsync("supervisor", culture);

        await supervisor.GotoAsync($"/complaints/{complaints[0]}");
        await supervisor.GetByLabel(words.AssignTo, new() { Exact = true }).FillAsync("handler.quality");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Assign, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("complaint-assignee")).ToHaveTextAsync("handler.quality");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Start, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("complaint-status")).ToHaveTextAsync(words.InProgress);
        await supervisor.GetByLabel(words.RootCause, new() { Exact = true }).FillAsync("Glaze batch fired too cool");
        await supervisor.GetByLabel(words.Fix, new() { Exact = true }).FillAsync("Batch replaced; kiln curve corrected");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Resolve, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("complaint-status")).ToHaveTextAsync(words.Resolved);

        await ChooseAsync(supervisor, words.Satisfaction, words.Satisfied, supervisor.Locator("body"));
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.RecordReturnVisit, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("complaint-satisfaction")).ToContainTextAsync(words.Satisfied);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-return-visit");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Close, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("complaint-status")).ToHaveTextAsync(words.Closed);

        // Its trail in Complaints' audit log, from its page: each step with who took it, and no line of the other
        // complaint filed with it until the supervisor asks for all.
        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.AuditTrail, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("audit-subject")).ToContainTextAsync(words.OnlyThisItem);
        var trail = supervisor.GetByTestId("audit-log").Locator(".rz-data-row");
        await Expect(trail.Filter(new() { HasText = words.ComplaintAssigned })).ToContainTextAsync("supervisor");
        await Expect(trail.Filter(new() { HasText = words.ComplaintClosed })).ToContainTextAsync("supervisor");
        await Expect(trail.Filter(new() { HasText = words.ComplaintFiled })).ToContainTextAsync("rep.east");
        await Expect(trail.Locator($"a[href$='{complaints[0]}']").First).ToBeVisibleAsync();
        await Expect(trail.Locator($"a[href$='{complaints[1]}']")).ToHaveCountAsync(0);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-audit-trail");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.ShowAll, Exact = true }).ClickAsync();
        await Expect(trail.Locator($"a[href$='{complaints[1]}']").First).ToBeVisibleAsync();

        // Resolved at once, so within its SLA: the department's one resolved complaint makes 100 %; the customer has two.
        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Reports, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("sla-compliance").Locator(".rz-data-row", new() { HasText = departmentName })).ToContainTextAsync(words.FullCompliance);
        await Expect(supervisor.GetByTestId("resolution-times").Locator(".rz-data-row", new() { HasText = departmentName }).Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(supervisor.GetByTestId("repeat-complaints").Locator(".rz-data-row", new() { HasText = CustomerName(code) }).Locator("td").Nth(3)).ToHaveTextAsync("2");
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-reports");

        // The screenshot resized the page and its charts, and the reports still answer: with three the least for a
        // repeat, the customer's two complaints are no longer one.
        await supervisor.GetByLabel(words.Minimum, new() { Exact = true }).FillAsync("3");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Show, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("repeat-complaints").Locator(".rz-data-row", new() { HasText = CustomerName(code) })).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task an_sla_target_below_its_first_response_is_refused_on_its_field_a_stale_save_is_refused_nothing_changes_and_the_calendars_show_their_hours(string culture, Words words)
    {
        var supervisor = await portal.SignInAsync("supervisor", culture);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Settings, Exact = true }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Tab, new() { Name = words.SlaPolicies, Exact = true }).ClickAsync();

        // Low complaints of ordinary customers: 16 business hours to respond (seeded); 1 hour to resolve is less.
        var resolution = supervisor.GetByLabel(words.LowOrdinaryResolution, new() { Exact = true });
        var stored = await resolution.InputValueAsync();
        await resolution.FillAsync("1");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
        await Expect(resolution).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(words.AtLeastFirstResponse)));
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "complaint-sla-refused");

        // Another supervisor changes the at-risk share meanwhile: saving the form as it was read is refused, not an overwrite.
        using var api = await portal.ApiAsync("supervisor");
        var (original, readTag) = await SlaPoliciesAsync(api);
        var changed = original.DeepClone();
        changed["atRiskShare"] = 0.8;
        var changedTag = await PutSlaPoliciesAsync(api, changed, readTag);
        await resolution.FillAsync(stored);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
        await Expect(supervisor.GetByTestId("form-problem")).ToContainTextAsync(words.Conflict);
        var (afterStale, _) = await SlaPoliciesAsync(api);
        Assert.Equal(0.8, afterStale["atRiskShare"]!.GetValue<double>());
        await PutSlaPoliciesAsync(api, original, changedTag);

        await supervisor.GetByRole(AriaRole.Tab, new() { Name = words.Calendars, Exact = true }).ClickAsync();
        // The seeded China calendar: Monday to Friday, 09:00–12:00 and 13:00–18:00.
        await Expect(supervisor.GetByTestId("calendars").Locator(".rz-data-row", new() { HasText = "Asia/Shanghai" })).ToContainTextAsync("09:00-12:00, 13:00-18:00");
        await PortalFixture.AssertAccessibleAsync(supervisor);

        var policies = await api.GetFromJsonAsync<JsonElement>("/api/complaints/sla-policies");
        var lowOrdinary = policies.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("severity").GetString() == "Low" && t.GetProperty("tier").GetString() == "Ordinary");
        Assert.Equal(80, lowOrdinary.GetProperty("resolutionHours").GetDouble());
        Assert.Equal("80", stored);
    }

    private static async Task<(JsonNode Policies, EntityTagHeaderValue Tag)> SlaPoliciesAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/api/complaints/sla-policies");
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!);
    }

    private static async Task<EntityTagHeaderValue> PutSlaPoliciesAsync(HttpClient api, JsonNode policies, EntityTagHeaderValue readTag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/complaints/sla-policies") { Content = JsonContent.Create(policies) };
        request.Headers.IfMatch.Add(readTag);
        using var response = await api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!;
    }

    private static (string Code, string ProductLine) Unique()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return ($"T{id}", $"TEST-{id}");
    }

    private static string CustomerName(string code) => $"Repeat customer {code}";

    /// <summary>A Radzen drop-down of <paramref name="within"/>, opened by its label, and one of its options.</summary>
    private static Task ChooseAsync(IPage page, string label, string option, ILocator within) =>
        PortalFixture.ChooseAsync(within.Locator(".field", new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator(".rz-dropdown").First, option);

    /// <summary>Behind the portal's back, as the supervisor: a department of the test's own and a rule, tried first, that sends its product line there.</summary>
    private async Task RouteToOwnDepartmentAsync(string code, string name, string productLine)
    {
        using var api = await portal.ApiAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/complaints/departments/{code}", new { name })).StatusCode);
        var current = JsonNode.Parse(await api.GetStringAsync("/api/complaints/routing/rule-sets/current"))!;
        var rules = new JsonArray(JsonNode.Parse(JsonSerializer.Serialize(new { name = $"Product line {productLine}", productLines = new[] { productLine }, department = code })));
        foreach (var rule in current["rules"]!.AsArray())
        {
            rules.Add(rule!.DeepClone());
        }

        var published = await api.PostAsJsonAsync("/api/complaints/routing/rule-sets", new { defaultDepartment = current["defaultDepartment"]!.GetValue<string>(), rules });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    /// <summary>A new customer of rep.east's with <paramref name="count"/> complaints in the product line, filed by the rep over the API.</summary>
    private async Task<List<string>> FileAsync(string code, string productLine, int count)
    {
        using var rep = await portal.ApiAsync("rep.east");
        var registered = await rep.PostAsJsonAsync("/api/customers", new { name = CustomerName(code), kind = "Dealer", region = "EAST", address = "杭州市西湖区文三路 8 号" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var filed = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // The customer reaches Complaints over the bus; until then a complaint names an unknown customer.
            filed.Add(await Crm.Testing.Eventually.Get(async () =>
            {
                var response = await rep.PostAsJsonAsync("/api/complaints", new
                {
                    customerId, channel = "Phone", type = "ProductQuality", severity = "Medium", productLine,
                    description = "Glaze flaking on the new series", contactPerson = "Chen Gong",
                });
                return response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
            }, TimeSpan.FromSeconds(10), "the customer to reach Complaints, so that a complaint can name it"));
        }

        return filed;
    }
}
