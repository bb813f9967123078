using Crm.Standalone;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.Browser.Tests;

/// <summary>
/// One standalone host (what the README's first command runs) and one Chromium for the portal tests of a collection
/// (<see cref="PortalCollection"/>): starting them is the expensive part. Each test opens its own browser context, so
/// sessions and cookies never leak between tests.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Password = Crm.Gateway.Identity.DemoUsers.Password;

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("crm-portal-").FullName;
    private WebApplication? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        app = StandaloneHost.Build([$"--Standalone:DataDirectory={dataDirectory}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);

        // A page shows its data once its circuit is up and the APIs answered: on a busy two-core machine that can take
        // longer than Playwright's five seconds.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>The Chromium the test command installs, headless.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    /// <summary>
    /// The platform's API as a user, with a token from the password grant: for what a test prepares or checks behind
    /// the portal's back (an application's next approver, a contract drafted before its approval is tested).
    /// </summary>
    public Task<HttpClient> ApiAsync(string userName) => ApiAsync(Url, userName);

    public static async Task<HttpClient> ApiAsync(string url, string userName)
    {
        var http = new HttpClient { BaseAddress = new Uri(url) };
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = userName, ["password"] = Password,
        }));
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString());
        return http;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>A fresh browser (no cookies) at the portal's address, in a phone's width when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Url,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-US",

            // On site at a customer in Shanghai: check-in asks the browser where it is.
            Geolocation = new Geolocation { Latitude = 31.2304f, Longitude = 121.4737f },
            Permissions = ["geolocation"],
        });
        context.SetDefaultTimeout(20_000);
        ClosesBrowserContextsAttribute.Track(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in through the provider's page as a user would: the portal sends the browser there, the language is
    /// chosen on that page (Chinese unless told otherwise), and the portal opens at its home page.
    /// </summary>
    public async Task<IPage> SignInAsync(string userName, string culture, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/signin**");
        if (culture == "en")
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await page.WaitForURLAsync("**culture=en**");
        }

        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-badge")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Picks an option of a Radzen drop-down (typing into its filter first when asked) and returns once the drop-down
    /// shows it and its list is closed: the choice travels to the server after the click, and a submit, a search or an
    /// axe run that comes sooner sees the field as it was.
    /// </summary>
    public static async Task ChooseAsync(ILocator dropdown, string option, string? filter = null, bool exact = true)
    {
        var page = dropdown.Page;
        await dropdown.ClickAsync();
        if (filter is not null)
        {
            await page.Locator(".rz-dropdown-filter:visible").Last.FillAsync(filter);
        }

        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = exact }).First.ClickAsync();
        // A multiple choice stays open after a pick.
        if (await page.Locator(".rz-multiselect-panel:visible").CountAsync() > 0)
        {
            await page.Keyboard.PressAsync("Escape");
        }

        await Assertions.Expect(page.Locator(".rz-dropdown-panel:visible, .rz-multiselect-panel:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(dropdown).ToContainTextAsync(option);
    }

    /// <summary>
    /// Chooses files in a Blazor InputFile once Blazor has wired it: a file chosen before that is never read, which on a
    /// loaded machine is the moment right after the page opens. The mark is the one Blazor's own script sets on the input.
    /// </summary>
    public static async Task ChooseFilesAsync(ILocator input, params FilePayload[] files)
    {
        await input.EvaluateAsync("(element) => new Promise(ready => { const wired = () => element._blazorInputFileNextFileId !== undefined ? ready() : setTimeout(wired, 50); wired(); })");
        await input.SetInputFilesAsync(files);
    }

    /// <summary>Axe over the whole page: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // A portal page is rendered once its circuit is up; its title comes last.
        await page.WaitForFunctionAsync("() => document.title.length > 0");
        var result = await page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(grave.Count == 0, string.Join("\n", grave.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>A screenshot of the whole page under TestResults/screenshots/, the artefact CI keeps.</summary>
    public static async Task ScreenshotAsync(IPage page, string culture, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{culture}-{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Crm.Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>
/// The portal's tests in three collections, by area, each with a platform and a Chromium of its own: xunit runs the
/// collections side by side, and a page mostly waits on its server, so three run in not much more than the time of one.
/// </summary>
public static class PortalCollection
{
    public const string Customers = "Portal: customers, funnel and sign-in";
    public const string VisitsAndComplaints = "Portal: visits and complaints";
    public const string ContractsAndHospitality = "Portal: contracts and company visits";
}

[CollectionDefinition(PortalCollection.Customers)]
public sealed class CustomersPortal : ICollectionFixture<PortalFixture>;

[CollectionDefinition(PortalCollection.VisitsAndComplaints)]
public sealed class VisitsAndComplaintsPortal : ICollectionFixture<PortalFixture>;

[CollectionDefinition(PortalCollection.ContractsAndHospitality)]
public sealed class ContractsAndHospitalityPortal : ICollectionFixture<PortalFixture>;
