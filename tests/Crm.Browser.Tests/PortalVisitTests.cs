using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>A rep's visit from the customer card to the manager's review: check-in and out on site, the report, approval.</summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalVisitTests(PortalFixture portal)
{
    public sealed record Words(
        string Customers, string VisitToday, string CheckIn, string CheckOut, string CheckedOut, string Purpose, string Satisfaction, string Submit,
        string Required, string Submitted, string Reviews, string Approve, string Approved, string Week);

    public static TheoryData<string, int, Words> Languages => new()
    {
        { "zh-CN", 0, new Words("客户", "今天拜访该客户", "签到", "签退", "已签退", "拜访目的", "满意度（1–5）", "提交审核", "必填", "待审核", "拜访报告审核", "通过", "已通过", "客户拜访") },
        { "en", 1, new Words("Customers", "Visit this customer today", "Check in", "Check out", "Checked out", "Purpose", "Satisfaction (1–5)", "Submit for review", "Required", "Submitted", "Report reviews", "Approve", "Approved", "Visits") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_reps_visit_report_goes_to_the_manager_who_approves_it(string culture, int customerRow, Words words)
    {
        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Customers, Exact = true }).ClickAsync();
        await rep.Locator(".rz-data-row a").Nth(customerRow).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.VisitToday }).ClickAsync();

        await rep.GetByRole(AriaRole.Button, new() { Name = words.CheckIn, Exact = true }).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.CheckOut, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("visit-status")).ToHaveTextAsync(words.CheckedOut);

        await rep.GetByLabel(words.Purpose, new() { Exact = true }).FillAsync("Introduce the new glazed tile range");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Expect(rep.Locator("#satisfaction-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visit-report-invalid");

        await rep.GetByLabel(words.Satisfaction, new() { Exact = true }).FillAsync("4");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Expect(rep.GetByTestId("report-status")).ToHaveTextAsync(words.Submitted);
        var title = await rep.TitleAsync();

        await rep.GetByRole(AriaRole.Link, new() { Name = words.Week, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("visit-week").Locator(".day.today .visit-card").First).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visits-week");

        var manager = await portal.SignInAsync("manager.east", culture);
        await manager.GetByRole(AriaRole.Link, new() { Name = words.Reviews }).ClickAsync();
        await manager.GetByTestId("review-inbox").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "visit-review");
        await manager.GetByRole(AriaRole.Button, new() { Name = words.Approve, Exact = true }).ClickAsync();

        await Expect(manager.GetByTestId("report-status")).ToHaveTextAsync(words.Approved);
        await Expect(manager.GetByTestId("review-history").Locator("li")).ToHaveCountAsync(2);
    }
}
