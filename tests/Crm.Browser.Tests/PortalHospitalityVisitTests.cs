using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// An approved visit to the end of its life: the front desk checks the visitor in and out, the marketing GM and the
/// chairman allow photography, the GM records the photographs kept, the paperwork of the urgent application and, as
/// the host, the outcome; the application page shows each, and the marketing centre's calendar shows the visit.
/// </summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalHospitalityVisitTests(PortalFixture portal)
{
    public sealed record Words(
        string PermitNumber, string Check, string CheckIn, string CheckOut, string CheckedIn, string CheckedOut, string No, string AllowPhotography,
        string AwaitingDecision, string Allowed, string RecordOriginals, string NotAPhotograph, string Paperwork, string PaperworkDone,
        string Outcome, string RecordOutcome, string Required, string Completed, string Month);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("参观证号或二维码", "查验", "入场：周总 Zhou", "离场：周总 Zhou", "入场", "离场", "否", "同意拍照", "待审批", "允许", "登记照片原件",
            "notes.txt 不是 JPEG 或 PNG 照片。", "手续已补齐", "已齐全", "参观结果", "登记参观结果", "必填", "已完成", "月") },
        { "en", new Words("Permit number or QR code", "Check", "Check in: 周总 Zhou", "Check out: 周总 Zhou", "Check in", "Check out", "No", "Allow photography",
            "Awaiting decision", "Allowed", "Record the originals", "notes.txt is not a JPEG or PNG photograph.", "Paperwork handed in", "Complete", "Outcome",
            "Record the outcome", "Required", "Completed", "Month") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task an_approved_visit_is_checked_in_and_out_photographed_and_closed_with_its_outcome(string culture, Words words)
    {
        // A key customer's urgent visit starting soon (the gate lets visitors in from 30 minutes before), asking to photograph.
        using var visits = new HospitalityPreparation(portal);
        var id = await visits.ApplyAsync("DEMO-E001", DateTimeOffset.UtcNow.AddMinutes(20), urgent: true, asksToPhotograph: true);
        await visits.DecideAsync(id, "Approve");
        var application = await visits.ReadAsync(id);
        var permit = application.GetProperty("permitNumber").GetString()!;
        var number = application.GetProperty("number").GetString()!;

        var desk = await portal.SignInAsync("frontdesk", culture);
        await desk.GetByLabel(words.PermitNumber, new() { Exact = true }).FillAsync(permit);
        await desk.GetByRole(AriaRole.Button, new() { Name = words.Check, Exact = true }).ClickAsync();
        var check = desk.GetByTestId("permit-check");
        await check.GetByRole(AriaRole.Button, new() { Name = words.CheckIn, Exact = true }).ClickAsync();
        await check.GetByRole(AriaRole.Button, new() { Name = words.CheckOut, Exact = true }).ClickAsync();
        await Expect(check.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(words.No);
        await PortalFixture.AssertAccessibleAsync(desk);
        await PortalFixture.ScreenshotAsync(desk, culture, "front-desk-checked-out");

        var gm = await portal.SignInAsync("gm", culture);
        await gm.GotoAsync($"/hospitality/{id}");
        var gate = gm.GetByTestId("gate-passages");
        await Expect(gate.Locator("tbody tr").Nth(0)).ToContainTextAsync(words.CheckedIn);
        await Expect(gate.Locator("tbody tr").Nth(1)).ToContainTextAsync(words.CheckedOut);

        // Both the marketing GM and the chairman must allow it: the GM's yes alone leaves it waiting.
        await gm.GetByRole(AriaRole.Button, new() { Name = words.AllowPhotography, Exact = true }).ClickAsync();
        await Expect(gm.GetByTestId("decide-photography")).ToHaveCountAsync(0);
        await Expect(gm.GetByTestId("photography")).ToContainTextAsync(words.AwaitingDecision);
        await visits.PostAsync("chairman", id, "photography", new { allow = true });
        await gm.ReloadAsync();
        await Expect(gm.GetByTestId("photography")).ToContainTextAsync(words.Allowed);

        var photographs = gm.GetByTestId("keep-photographs");
        var png = new FilePayload { Name = "line-3.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] };
        await PortalFixture.ChooseFilesAsync(
            photographs.Locator("input[type=file]"),
            png, new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a photograph"u8.ToArray() });
        await photographs.GetByRole(AriaRole.Button, new() { Name = words.RecordOriginals, Exact = true }).ClickAsync();
        await Expect(photographs.Locator("[id='count-error']")).ToHaveTextAsync(words.NotAPhotograph);
        await Expect(gm.GetByTestId("photographs-kept")).ToHaveCountAsync(0);
        await PortalFixture.ScreenshotAsync(gm, culture, "hospitality-photographs-refused");
        await PortalFixture.ChooseFilesAsync(photographs.Locator("input[type=file]"), png, new FilePayload { Name = "showroom.png", MimeType = "image/png", Buffer = png.Buffer });
        await photographs.GetByRole(AriaRole.Button, new() { Name = words.RecordOriginals, Exact = true }).ClickAsync();
        await Expect(gm.GetByTestId("photographs-kept")).ToContainTextAsync(2.ToString(System.Globalization.CultureInfo.GetCultureInfo(culture)));

        await gm.GetByRole(AriaRole.Button, new() { Name = words.Paperwork, Exact = true }).ClickAsync();
        await Expect(gm.GetByTestId("paperwork")).ToHaveTextAsync(words.PaperworkDone);

        var outcome = gm.GetByTestId("record-outcome");
        await outcome.GetByRole(AriaRole.Button, new() { Name = words.RecordOutcome, Exact = true }).ClickAsync();
        await Expect(outcome.Locator("#outcome-error")).ToContainTextAsync(words.Required);
        await outcome.GetByLabel(words.Outcome, new() { Exact = true }).FillAsync("Toured line 3; a trial order agreed");
        await outcome.GetByRole(AriaRole.Button, new() { Name = words.RecordOutcome, Exact = true }).ClickAsync();
        await Expect(gm.GetByTestId("application-status")).ToContainTextAsync(words.Completed);
        await Expect(gm.GetByTestId("outcome")).ToContainTextAsync("Toured line 3; a trial order agreed");
        await PortalFixture.AssertAccessibleAsync(gm);
        await PortalFixture.ScreenshotAsync(gm, culture, "hospitality-completed");

        await gm.GotoAsync("/hospitality/calendar");
        await Expect(gm.GetByTestId("calendar").GetByText(number)).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(gm);
        await PortalFixture.ScreenshotAsync(gm, culture, "hospitality-calendar-week");
        await gm.GetByRole(AriaRole.Button, new() { Name = words.Month, Exact = true }).ClickAsync();
        await Expect(gm.GetByTestId("calendar").GetByText(number)).ToBeVisibleAsync();
        await PortalFixture.ScreenshotAsync(gm, culture, "hospitality-calendar-month");
    }
}
