using Crm.Standalone;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

/// <summary>The API explorer the README points a newcomer to, in real Chromium against the standalone host.</summary>
public sealed class SwaggerUiTests : IAsyncLifetime
{
    private static readonly string[] Documents = ["customers", "visits", "contracts", "complaints", "hospitality"];

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("crm-browser-").FullName;
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string url = "";

    public async Task InitializeAsync()
    {
        app = StandaloneHost.Build([$"--Standalone:DataDirectory={dataDirectory}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task a_browser_without_a_token_sees_the_five_api_documents_and_signs_in_through_the_authorize_dialog()
    {
        var page = await browser!.NewPageAsync();

        var response = await page.GotoAsync($"{url}/swagger");

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
