using Crm.Gateway.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>Every role signs in, sees who it is in its language, and lands on a home page that passes axe.</summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalRoleTests(PortalFixture portal)
{
    /// <summary>One demo user of each role.</summary>
    private static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> OnePerRole = DemoUsers.All
        .GroupBy(u => u.Role)
        .Select(g => (g.First().UserName, g.First().DisplayName, g.Key))
        .ToList();

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task each_role_signs_in_to_its_home_page_in_its_language(string culture)
    {
        Assert.Equal(Crm.BuildingBlocks.Security.Roles.All.Count, OnePerRole.Count);
        foreach (var (userName, displayName, _) in OnePerRole)
        {
            var page = await portal.SignInAsync(userName, culture);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            var badge = page.GetByTestId("user-badge");
            await Expect(badge).ToContainTextAsync(displayName);
            var shownRole = (await badge.Locator(".user-role").TextContentAsync())!.Trim();
            // In words of the language, never the role's code (SalesRep, CrmSupervisor...).
            if (culture == "zh-CN")
            {
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", shownRole);
            }
            else
            {
                Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", shownRole);
            }

            Assert.DoesNotMatch("[a-z][A-Z]", shownRole);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);
            await PortalFixture.ScreenshotAsync(page, culture, $"home-{userName}");
            await page.Context.CloseAsync();
        }
    }
}
