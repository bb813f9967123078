using System.Net;
using System.Net.Http.Json;
using Crm.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The portal as deployed: its own process behind the gateway (the gateway's last route), the services each their own
/// process on PostgreSQL and RabbitMQ. The browser only ever talks to the gateway: sign-in, the portal's pages and its
/// circuit, the culture switch and sign-out all go through it.
/// </summary>
public sealed class DistributedPortalTests : IAsyncLifetime
{
    private PlatformProcesses? platform;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        platform = await PlatformProcesses.StartAsync(new PlatformOptions { Portal = true });
        playwright = await Playwright.CreateAsync();
        browser = await PortalFixture.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_rep_signs_in_through_the_gateway_works_in_chinese_then_english_and_signs_out()
    {
        using var api = await platform!.ClientAsync("rep.east");
        var name = $"分布式经销商 {Guid.NewGuid():N}"[..16];
        var registered = await api.PostAsJsonAsync("/api/customers", new { name, kind = "Dealer", region = "EAST", address = "杭州市西湖区文三路 8 号" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var gateway = platform.GatewayUrl.GetLeftPart(UriPartial.Authority);
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/signin**");
        await page.Locator("#userName").FillAsync("rep.east");
        await page.Locator("#password").FillAsync(PortalFixture.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("销售代表");

        await page.GetByRole(AriaRole.Link, new() { Name = "客户", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await PortalFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("Sales rep");
        await Expect(page.Locator("h1")).ToContainTextAsync(name);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/signin**");
        await page.GotoAsync("/customers");
        await page.WaitForURLAsync("**/account/signin**");

        Assert.All(requests, r => Assert.StartsWith(gateway, r, StringComparison.Ordinal));
    }
}
