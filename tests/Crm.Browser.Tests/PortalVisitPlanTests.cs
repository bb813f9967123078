using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// A rep's week of visits planned in the scheduler: generated, a visit added (after a day off and a day outside the plan
/// are refused),
/// moved with its reason, submitted; the branch manager finds it waiting on the home page and approves it.
/// </summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalVisitPlanTests(PortalFixture portal)
{
    public sealed record Words(
        string Plans, string From, string To, string Generate, string Required, string Draft, string Day, string Add, string DayOff, string OutsideThePlan,
        string Reason, string Move, string Moved, string Submit, string Submitted, string WaitingPlans, string Return, string SayWhat, string Approve,
        string Approved);

    public static TheoryData<string, int, Words> Languages => new()
    {
        { "zh-CN", 0, new Words("拜访计划", "开始日期", "结束日期", "生成计划", "必填", "草稿", "拜访日期", "添加", "节假日或休息日", "须为计划期内的一天", "原因", "改期", "拜访改期", "提交审核", "待审核", "待审核拜访计划", "退回", "退回计划时请说明需要修改什么", "通过", "已批准") },
        { "en", 1, new Words("Visit plans", "From", "To", "Generate the plan", "Required", "Draft", "Day", "Add", "a holiday or a day off", "A day of the plan", "Reason", "Move", "Visit moved", "Submit for review", "Submitted", "Visit plans to review", "Return", "Say what to change", "Approve", "Approved") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_plans_a_week_in_the_scheduler_and_the_manager_approves_it(string culture, int week, Words words)
    {
        var monday = await OrdinaryWeekAsync(week);
        var format = CultureInfo.GetCultureInfo(culture);
        var rep = await portal.SignInAsync("rep.north", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Plans, Exact = true }).ClickAsync();

        await rep.GetByLabel(words.From, new() { Exact = true }).FillAsync(monday.ToString("d", format));
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Generate }).ClickAsync();
        await Expect(rep.Locator("#to-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visit-plan-new-invalid");

        await rep.GetByLabel(words.To, new() { Exact = true }).FillAsync(monday.AddDays(6).ToString("d", format));
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Generate }).ClickAsync();
        await Expect(rep.GetByTestId("plan-status")).ToHaveTextAsync(words.Draft);
        await Expect(rep.Locator(".rz-scheduler")).ToBeVisibleAsync();

        // A visit added from the Saturday (which every culture's month shows): a day off in the region's calendar, then
        // a day after the plan's week, are refused on the day; Wednesday is taken.
        var dialog = rep.GetByRole(AriaRole.Dialog);
        await rep.Locator($"[data-slot-day='{Iso(monday.AddDays(5))}']").ClickAsync();
        await PortalFixture.ChooseAsync(dialog.Locator(".rz-dropdown"), "Haidian Ceramics Store", exact: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Add, Exact = true }).ClickAsync();
        await Expect(dialog.Locator("#day-error")).ToContainTextAsync(words.DayOff);
        await dialog.GetByLabel(words.Day, new() { Exact = true }).FillAsync(monday.AddDays(9).ToString("d", format));
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Add, Exact = true }).ClickAsync();
        await Expect(dialog.Locator("#day-error")).ToContainTextAsync(words.OutsideThePlan);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visit-plan-add-refused");

        await dialog.GetByLabel(words.Day, new() { Exact = true }).FillAsync(monday.AddDays(2).ToString("d", format));
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Add, Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var added = Visit(rep, monday.AddDays(2));
        await Expect(added).ToBeVisibleAsync();

        // Moved to Thursday: the reason is asked for before anything changes.
        await added.ClickAsync();
        await dialog.GetByLabel(words.Day, new() { Exact = true }).FillAsync(monday.AddDays(3).ToString("d", format));
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Move, Exact = true }).ClickAsync();
        await Expect(dialog.Locator("#reason-error")).ToContainTextAsync(words.Required);
        await dialog.GetByLabel(words.Reason, new() { Exact = true }).FillAsync("Store closed on Wednesday");
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Move, Exact = true }).ClickAsync();
        await Expect(Visit(rep, monday.AddDays(3))).ToBeVisibleAsync();

        // Dragged on to Friday: the same dialog opens on the day it was dropped on, for the reason.
        await Visit(rep, monday.AddDays(3)).DragToAsync(rep.Locator($"[data-slot-day='{Iso(monday.AddDays(4))}']"),
            new() { TargetPosition = new() { X = 8, Y = 8 } });
        await Expect(dialog.GetByLabel(words.Day, new() { Exact = true })).ToHaveValueAsync(monday.AddDays(4).ToString("d", format));
        await dialog.GetByLabel(words.Reason, new() { Exact = true }).FillAsync("Buyer back on Friday");
        await dialog.GetByRole(AriaRole.Button, new() { Name = words.Move, Exact = true }).ClickAsync();
        await Expect(Visit(rep, monday.AddDays(4))).ToBeVisibleAsync();
        await Expect(rep.GetByTestId("plan-history").Locator("li").Last).ToContainTextAsync(words.Moved);
        await PortalFixture.ScreenshotAsync(rep, culture, "visit-plan-edited");

        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("plan-status")).ToHaveTextAsync(words.Submitted);
        var number = (await rep.TitleAsync()).Trim();

        var manager = await portal.SignInAsync("manager.north", culture);
        await manager.GetByTestId("home-waiting").GetByRole(AriaRole.Link, new() { Name = words.WaitingPlans }).ClickAsync();
        await Expect(manager.GetByTestId("plan-list").GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(manager);
        await manager.GetByTestId("plan-list").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Return, Exact = true }).ClickAsync();
        await Expect(manager.Locator("#comment-error")).ToContainTextAsync(words.SayWhat);
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "visit-plan-review");

        await manager.GetByRole(AriaRole.Button, new() { Name = words.Approve, Exact = true }).ClickAsync();
        await Expect(manager.GetByTestId("plan-status")).ToHaveTextAsync(words.Approved);
        await Expect(Visit(manager, monday.AddDays(4))).ToBeVisibleAsync();
    }

    /// <summary>
    /// The Monday of an ordinary week (working Monday to Friday, the weekend off: no holiday or make-up day in any of the
    /// company's calendars) after the two weeks the demo plans cover; the first or a later one, so that each language
    /// plans its own week (plans of a rep never overlap).
    /// </summary>
    private async Task<DateOnly> OrdinaryWeekAsync(int skip)
    {
        using var api = await portal.ApiAsync("rep.north");
        var exceptions = (await api.GetFromJsonAsync<JsonElement>("/api/complaints/calendars")).EnumerateArray()
            .SelectMany(c => c.GetProperty("exceptions").EnumerateArray())
            .Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture)).ToHashSet();
        var ordinary = Enumerable.Range(3, 60).Select(w => Monday(CompanyToday()).AddDays(7 * w))
            .Where(monday => !Enumerable.Range(0, 7).Any(d => exceptions.Contains(monday.AddDays(d))));
        return ordinary.Skip(skip).First();
    }

    /// <summary>The visit to the customer the test plans, in the scheduler on that day.</summary>
    private static ILocator Visit(IPage page, DateOnly day) =>
        page.Locator($"[data-visit-day='{Iso(day)}']").Filter(new() { HasText = "Haidian Ceramics Store" });

    /// <summary>Today in the company's time zone, which the plans' days are in.</summary>
    internal static DateOnly CompanyToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
