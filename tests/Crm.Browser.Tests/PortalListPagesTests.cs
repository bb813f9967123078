using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The lists and inboxes the workflow tests only pass through on the way to an item, and the new-template form: each
/// opens with its heading, passes axe and is kept as a screenshot, in both languages, for a role that works with it.
/// </summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalListPagesTests(PortalFixture portal)
{
    public static TheoryData<string> Languages => new() { "zh-CN", "en" };

    private static readonly (string User, string Path, string Name)[] Pages =
    [
        ("manager.east", "/complaints", "complaints-queue"),
        ("manager.east", "/contracts", "contracts"),
        ("manager.east", "/contracts/inbox", "contracts-inbox"),
        ("manager.east", "/contracts/renewals", "contracts-renewals"),
        ("manager.east", "/visits/reviews", "visits-reviews"),
        ("manager.east", "/visits/plans", "visits-plans"),
        ("manager.east", "/hospitality", "hospitality-applications"),
        ("manager.east", "/hospitality/inbox", "hospitality-inbox"),
        ("custodian", "/contracts/templates/new", "contract-template-new"),
    ];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task each_list_and_inbox_opens_with_its_heading_and_passes_axe(string culture)
    {
        foreach (var user in Pages.Select(p => p.User).Distinct())
        {
            var page = await portal.SignInAsync(user, culture);
            foreach (var (_, path, name) in Pages.Where(p => p.User == user))
            {
                await page.GotoAsync(path);
                await Expect(page.Locator("main h1")).ToBeVisibleAsync();
                // Its list read, not refused: a refusal shows the heading with an alert instead.
                await Expect(page.Locator("main [role=alert]")).ToHaveCountAsync(0);
                await PortalFixture.AssertAccessibleAsync(page);
                await PortalFixture.ScreenshotAsync(page, culture, name);
            }

            await page.Context.CloseAsync();
        }
    }
}
