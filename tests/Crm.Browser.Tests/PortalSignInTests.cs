using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>Signing in to the portal, who it says you are, the language, and signing out everywhere.</summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalSignInTests(PortalFixture portal)
{
    [Theory]
    [InlineData("zh-CN", "销售代表", "华东", "我的客户漏斗")]
    [InlineData("en", "Sales rep", "East", "My customer funnel")]
    public async Task a_rep_signs_in_and_sees_their_name_role_region_and_funnel(string culture, string role, string region, string funnelHeading)
    {
        var page = await portal.SignInAsync("rep.east", culture);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var badge = page.GetByTestId("user-badge");
        await Expect(badge).ToContainTextAsync("Wang Fang");
        await Expect(badge).ToContainTextAsync(role);
        await Expect(badge).ToContainTextAsync(region);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = funnelHeading })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("funnel-chart").Locator("svg")).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "home-rep");
    }

    [Fact]
    public async Task the_sign_in_page_and_a_wrong_password_are_accessible_in_both_languages()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/signin**");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, "zh-CN", "sign-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("#userName").FillAsync("rep.east2");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is wrong");
        await Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-invalid", "true");
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, "en", "sign-in-failed");
    }

    [Fact]
    public async Task the_language_switch_changes_every_label_and_is_remembered()
    {
        var page = await portal.SignInAsync("manager.east", "zh-CN");
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("分公司经理");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("Branch manager");
        await page.GotoAsync("/customers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_and_no_token_reaches_the_browsers_storage()
    {
        var page = await portal.SignInAsync("director.east", "zh-CN");

        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "crm.portal");
        Assert.True(session.HttpOnly);
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("eyJ", storage, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies, c => c.Value.StartsWith("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task signing_out_ends_the_session_on_this_browser_and_on_every_other()
    {
        var laptop = await portal.SignInAsync("rep.north", "en");
        var phone = await portal.SignInAsync("rep.north", "en", phone: true);

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await laptop.WaitForURLAsync("**/account/signin**");
        await laptop.GotoAsync("/customers");
        await laptop.WaitForURLAsync("**/account/signin**");

        // The phone's tokens were revoked with the provider's session: its next call to an API sends it to sign in.
        await phone.GotoAsync("/customers");
        await phone.WaitForURLAsync("**/account/signin**");
    }
}
