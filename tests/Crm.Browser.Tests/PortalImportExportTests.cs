using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>The CRM supervisor's customer import, with its row-by-row report, and export of what the list shows.</summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalImportExportTests(PortalFixture portal)
{
    [Theory]
    [InlineData("zh-CN", "客户", "导入客户", "导出 CSV", "新增 1", "拒绝 1", "拒绝")]
    [InlineData("en", "Customers", "Import customers", "Export CSV", "1 added", "1 rejected", "Rejected")]
    public async Task the_supervisor_imports_a_file_sees_the_bad_row_and_exports_the_list(
        string culture, string customers, string import, string export, string added, string rejected, string rejectedOutcome)
    {
        var page = await portal.SignInAsync("supervisor", culture);
        await page.GetByRole(AriaRole.Link, new() { Name = customers, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = import }).ClickAsync();

        var code = $"IMP-{culture}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();
        var csv = $"code,name,kind,region,ownerId\n{code},宁波导入建材 Ningbo Imported,Retailer,EAST,rep.east\n{code}-BAD,,NotAKind,EAST,rep.east\n";
        await PortalFixture.ChooseFilesAsync(page.Locator("#csv"), new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync(added);
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync(rejected);
        var bad = page.GetByTestId("import-report").Locator("tbody tr").First;
        await Expect(bad).ToContainTextAsync(rejectedOutcome);
        await Expect(bad).ToContainTextAsync("name");
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "customers-import");

        // Through the menu, in the running session: a page loaded afresh takes keys before its search is wired.
        await page.GetByRole(AriaRole.Link, new() { Name = customers, Exact = true }).ClickAsync();
        await page.GetByLabel(culture == "en" ? "Search" : "搜索", new() { Exact = true }).FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".rz-data-row")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = export }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("code,", exported.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(code, exported, StringComparison.Ordinal);
        Assert.DoesNotContain($"{code}-BAD", exported, StringComparison.Ordinal);
    }
}
