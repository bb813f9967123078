using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>The funnel and planning screen: the pyramid, conversion rates, and the planning calculator with its steps.</summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalFunnelTests(PortalFixture portal)
{
    [Theory]
    [InlineData("zh-CN", "漏斗与计划", "销售目标（元）", "平均订单额（元）", "计算", "必填", "客户不足")]
    [InlineData("en", "Funnel and plan", "Sales target (CNY)", "Average order size (CNY)", "Calculate", "Required", "Short of customers")]
    public async Task a_manager_runs_the_planning_calculator_and_sees_each_grade_worked_out(
        string culture, string menu, string target, string orderSize, string calculate, string required, string shortOf)
    {
        var page = await portal.SignInAsync("manager.east", culture);
        await page.GetByRole(AriaRole.Link, new() { Name = menu }).ClickAsync();
        await Expect(page.GetByTestId("funnel-chart").Locator("svg")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conversions").Locator("tbody tr")).ToHaveCountAsync(5);

        // Without an average order size the API names the field, and the page says so under it.
        await page.GetByLabel(target, new() { Exact = true }).FillAsync("10000000");
        await page.GetByRole(AriaRole.Button, new() { Name = calculate }).ClickAsync();
        await Expect(page.Locator("#averageOrderSize-error")).ToContainTextAsync(required);

        await page.GetByLabel(orderSize, new() { Exact = true }).FillAsync("200000");
        foreach (var rate in new[] { "rateEtoD", "rateDtoC", "rateCtoB", "rateBtoA" })
        {
            await page.Locator($"input[name={rate}]").FillAsync("0.5");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = calculate }).ClickAsync();

        // The document's example: 10,000,000 ÷ 200,000 = 50 at A, then each grade below twice the one above at 50 %.
        var rows = page.GetByTestId("plan-result").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        var needed = await rows.Locator("td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["50", "100", "200", "400", "800"], needed);
        await Expect(rows.First.Locator("td.formula")).ToContainTextAsync("50");
        await Expect(page.GetByTestId("plan-summary")).ToContainTextAsync(shortOf);
        await Expect(page.Locator("#averageOrderSize-error")).ToHaveCountAsync(0);
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "funnel-plan");
    }
}
