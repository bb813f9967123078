using System.Net;
using System.Net.Sockets;
using Crm.BuildingBlocks.Hosting;
using Crm.Gateway;
using Crm.Standalone;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// A company's own OpenID Connect provider replaces the platform's by configuration alone: a second provider, with its
/// own issuer, keys and sign-in page at an address of its own, signs the user in to the portal, and the services accept
/// its tokens. No code knows it is not the platform's.
/// </summary>
public sealed class CompanyProviderTests : IAsyncLifetime
{
    private const string CompanyIssuer = "urn:example-company:identity";

    private readonly string providerDirectory = Directory.CreateTempSubdirectory("crm-company-idp-").FullName;
    private readonly string platformDirectory = Directory.CreateTempSubdirectory("crm-company-platform-").FullName;
    private WebApplication? provider;
    private WebApplication? platform;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string providerUrl = "";
    private string platformUrl = "";

    public async Task InitializeAsync()
    {
        // The portal's address must be known before the provider registers it as a client.
        platformUrl = $"http://127.0.0.1:{FreePort()}";

        // The company's provider: another process's worth of OpenID Connect, here the same software with other keys.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Database"] = $"Data Source={Path.Combine(providerDirectory, "idp.db")}",
            ["Gateway:SeedDemoUsers"] = "true",
            ["Gateway:Portal:Origins:0"] = platformUrl,
            ["Auth:Issuer"] = CompanyIssuer,
            ["Auth:SigningKeyPath"] = Path.Combine(providerDirectory, "signing-key.pem"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddGatewayEdge();
        provider = builder.Build();
        provider.UseGatewayEdge();
        await provider.StartAsync();
        providerUrl = provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // The platform, told only where the company's provider is and what it calls itself.
        platform = StandaloneHost.Build(
        [
            $"--Standalone:DataDirectory={platformDirectory}", $"--urls={platformUrl}", "--Logging:LogLevel:Default=Warning",
            $"--Auth:Authority={providerUrl}", $"--Auth:Issuer={CompanyIssuer}", $"--Portal:Oidc:Authority={providerUrl}",
        ]);
        await platform.StartAsync();
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
        foreach (var app in new[] { platform, provider })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(platformDirectory, recursive: true);
        Directory.Delete(providerDirectory, recursive: true);
    }

    [Fact]
    public async Task the_portal_signs_in_at_the_companys_provider_and_the_services_accept_its_tokens()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = platformUrl });

        await page.GotoAsync("/customers");

        // The sign-in page is the company provider's, at its own address.
        await page.WaitForURLAsync(providerUrl + "/account/signin**");
        await page.Locator("#userName").FillAsync("manager.east");
        await page.Locator("#password").FillAsync(PortalFixture.Password);
        await page.Locator("button[type=submit]").ClickAsync();

        try
        {
            // The first sign-in of a fresh platform, on a machine the other browser tests keep busy.
            await page.WaitForURLAsync(platformUrl + "/customers", new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Still at {page.Url}: {await page.Locator("body").InnerTextAsync()}", e);
        }
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync("Liu Yang");
        await Expect(page.Locator(".rz-data-row").First).ToBeVisibleAsync();

        // And the platform's own provider would not do: its tokens are not the company's.
        using var http = await PortalFixture.ApiAsync(platformUrl, "manager.east");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/customers")).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
