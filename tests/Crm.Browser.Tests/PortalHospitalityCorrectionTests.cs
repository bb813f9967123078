using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// A returned application is corrected by its rep and goes round its chain again; once approved, the branch manager
/// revokes its permit, and the application says so and no longer offers printing.
/// </summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalHospitalityCorrectionTests(PortalFixture portal)
{
    public sealed record Words(string Returned, string Purpose, string SubmitAgain, string Required, string InApproval, string Revoke, string Reason, string PrintPermit);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("已退回", "参观目的", "重新提交", "必填", "审批中", "吊销", "吊销原因", "打印参观证") },
        { "en", new Words("Returned", "Purpose", "Submit again", "Required", "In approval", "Revoke", "Reason", "Print the permit") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_returned_application_is_resubmitted_and_its_permit_later_revoked(string culture, Words words)
    {
        using var visits = new HospitalityPreparation(portal);
        var id = await visits.ApplyAsync("DEMO-E002", DateTimeOffset.UtcNow.AddDays(3), urgent: false, asksToPhotograph: false);
        await visits.DecideAsync(id, "Return");

        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GotoAsync($"/hospitality/{id}");
        await Expect(rep.GetByTestId("application-status")).ToHaveTextAsync(words.Returned);
        var resubmit = rep.GetByTestId("resubmit");
        await resubmit.GetByLabel(words.Purpose, new() { Exact = true }).FillAsync("");
        await resubmit.GetByRole(AriaRole.Button, new() { Name = words.SubmitAgain, Exact = true }).ClickAsync();
        await Expect(resubmit.Locator("#purpose-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "hospitality-resubmit-refused");
        await resubmit.GetByLabel(words.Purpose, new() { Exact = true }).FillAsync("See the kiln line with Li Gong of Hengda's purchasing");
        await resubmit.GetByRole(AriaRole.Button, new() { Name = words.SubmitAgain, Exact = true }).ClickAsync();
        await Expect(rep.GetByTestId("application-status")).ToHaveTextAsync(words.InApproval);

        await visits.DecideAsync(id, "Approve");
        var manager = await portal.SignInAsync("manager.east", culture);
        await manager.GotoAsync($"/hospitality/{id}");
        var revoke = manager.GetByTestId("revoke");
        await revoke.GetByRole(AriaRole.Button, new() { Name = words.Revoke, Exact = true }).ClickAsync();
        await Expect(revoke.Locator("#reason-error")).ToContainTextAsync(words.Required);
        await revoke.GetByLabel(words.Reason, new() { Exact = true }).FillAsync("The customer postponed the visit");
        await revoke.GetByRole(AriaRole.Button, new() { Name = words.Revoke, Exact = true }).ClickAsync();
        await Expect(manager.GetByTestId("revoked")).ToHaveTextAsync("The customer postponed the visit");
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = words.PrintPermit })).ToHaveCountAsync(0);
        await PortalFixture.AssertAccessibleAsync(manager);
        await PortalFixture.ScreenshotAsync(manager, culture, "hospitality-revoked");
    }
}
