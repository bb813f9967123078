using Microsoft.Playwright;

namespace Crm.Browser.Tests;

/// <summary>The API explorer the README points a newcomer to, in real Chromium against the standalone host.</summary>
[Collection(PortalCollection.Customers)]
public sealed class SwaggerUiTests(PortalFixture portal)
{
    private static readonly string[] Documents = ["customers", "visits", "contracts", "complaints", "hospitality"];

    [Fact]
    public async Task a_browser_without_a_token_sees_the_five_api_documents_and_signs_in_through_the_authorize_dialog()
    {
        var page = await portal.NewPageAsync();

        var response = await page.GotoAsync("/swagger");

        Assert.Equal(200, response!.Status);
        var documents = page.Locator(".topbar select option");
        await Assertions.Expect(documents).ToHaveCountAsync(Documents.Length);
        Assert.Equal(Documents, await documents.AllTextContentsAsync());
        foreach (var document in Documents)
        {
            await page.Locator(".topbar select").SelectOptionAsync(document);
            await Assertions.Expect(page.Locator(".information-container .title")).ToContainTextAsync(document, new() { IgnoreCase = true });
            await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
        }

        await page.Locator(".topbar select").SelectOptionAsync("customers");
        await page.Locator("button.authorize").First.ClickAsync();
        var dialog = page.Locator(".dialog-ux");
        var oauth = dialog.Locator(".auth-container").Filter(new() { HasText = "Flow: password" });
        await oauth.Locator("#oauth_username").FillAsync("supervisor");
        await oauth.Locator("#oauth_password").FillAsync(Crm.Gateway.Identity.DemoUsers.Password);
        await oauth.Locator("button.authorize").ClickAsync();
        await Assertions.Expect(oauth.Locator("button", new() { HasText = "Logout" })).ToBeVisibleAsync();
        await dialog.Locator("button.close-modal").ClickAsync();

        var list = page.Locator("#operations-Customers-ListCustomers");
        await list.Locator(".opblock-summary").ClickAsync();
        await list.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await list.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        await Assertions.Expect(list.Locator(".live-responses-table tr.response .response-col_status")).ToHaveTextAsync("200");
    }
}
