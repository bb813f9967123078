using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>A customer's visit to the company: the rep applies, each role of the chain approves, the front desk lets the visitors in.</summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalHospitalityTests(PortalFixture portal)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public sealed record Words(
        string Customers, string Invite, string Start, string End, string Host, string Purpose, string VisitorName, string Urgent, string Submit,
        string Required, string Approve, string Approved, string PermitNumber, string Check, string CheckIn, string Yes);

    public static TheoryData<string, int, Words> Languages => new()
    {
        { "zh-CN", 2, new Words("客户", "申请该客户来访", "开始时间", "结束时间", "接待人", "参观目的", "第 1 位来访者姓名", "紧急（通知时间不足，先电话后补手续）", "提交申请", "必填", "通过", "已批准", "参观证号或二维码", "查验", "入场：周总 Zhou", "是") },
        { "en", 3, new Words("Customers", "Invite this customer", "Starts", "Ends", "Host", "Purpose", "Visitor 1: name", "Urgent (less notice than the rule asks: phone first, paperwork after)", "Submit the application", "Required", "Approve", "Approved", "Permit number or QR code", "Check", "Check in: 周总 Zhou", "Yes") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task an_application_goes_through_its_chain_and_the_front_desk_checks_the_visitors_in(string culture, int customerRow, Words words)
    {
        var format = CultureInfo.GetCultureInfo(culture);
        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Customers, Exact = true }).ClickAsync();
        await rep.Locator(".rz-data-row a").Nth(customerRow).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Invite }).ClickAsync();

        // Within the notice the rules ask for, so only as urgent; the gate lets visitors in from 30 minutes before the start.
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(20), China).DateTime;
        await rep.GetByLabel(words.Purpose, new() { Exact = true }).FillAsync("See the new kiln line");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Expect(rep.Locator("[id='visit.start-error']")).ToContainTextAsync(words.Required);
        await Expect(rep.Locator("[id='visit.hostId-error']")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "hospitality-apply-invalid");

        await rep.Locator("input[name='visit.start']").FillAsync(start.ToString("g", format));
        await rep.Locator("input[name='visit.end']").FillAsync(start.AddHours(2).ToString("g", format));
        await rep.GetByLabel(words.Host, new() { Exact = true }).FillAsync("gm");
        await rep.GetByLabel(words.VisitorName, new() { Exact = true }).FillAsync("周总 Zhou");
        await rep.GetByText(words.Urgent).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Expect(rep.GetByTestId("chain")).ToBeVisibleAsync();
        var id = Guid.Parse(rep.Url.Split('/').Last());
        using var visits = new HospitalityPreparation(portal);

        // Each step's approver finds it in their inbox and approves, until the chain has none left.
        while (await WaitingForAsync(visits, id) is { } role)
        {
            var approver = await portal.SignInAsync(HospitalityPreparation.Approvers[role], culture);
            await approver.GotoAsync($"/hospitality/{id}");
            await Expect(approver.GetByTestId("chain")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(approver);
            await approver.GetByRole(AriaRole.Button, new() { Name = words.Approve, Exact = true }).ClickAsync();
            await Crm.Testing.Eventually.True(async () => await WaitingForAsync(visits, id) != role, TimeSpan.FromSeconds(10), $"the application to move past {role} once approved");
        }

        await rep.ReloadAsync();
        await Expect(rep.GetByTestId("application-status")).ToContainTextAsync(words.Approved);
        var permit = (await rep.GetByTestId("permit-number").TextContentAsync())!.Trim();
        await PortalFixture.ScreenshotAsync(rep, culture, "hospitality-approved");
        var download = await rep.RunAndWaitForDownloadAsync(() => rep.GetByRole(AriaRole.Link, new() { Name = culture == "en" ? "Print the permit" : "打印参观证" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        var desk = await portal.SignInAsync("frontdesk", culture);
        // Today's or, a few minutes before midnight in China, tomorrow's visits.
        await Expect(desk.Locator("[data-testid=today] tr, [data-testid=tomorrow] tr").Filter(new() { HasText = permit })).ToHaveCountAsync(1);
        await desk.GetByLabel(words.PermitNumber, new() { Exact = true }).FillAsync(permit);
        await desk.GetByRole(AriaRole.Button, new() { Name = words.Check, Exact = true }).ClickAsync();
        await desk.GetByTestId("permit-check").GetByRole(AriaRole.Button, new() { Name = words.CheckIn, Exact = true }).ClickAsync();
        await Expect(desk.GetByTestId("permit-check").Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(words.Yes);
        await PortalFixture.AssertAccessibleAsync(desk);
        await PortalFixture.ScreenshotAsync(desk, culture, "front-desk");
    }

    /// <summary>The role the application waits for, or none once the chain has decided.</summary>
    private static async Task<string?> WaitingForAsync(HospitalityPreparation visits, Guid id)
    {
        var application = await visits.ReadAsync(id);
        return application.GetProperty("status").GetString() == "Submitted" ? application.GetProperty("waitingFor").GetString() : null;
    }
}
