using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// A complaint from the rep who files it to the department that resolves it: routed by the rules, with its SLA clocks,
/// in the handler's queue by risk, started and resolved with the root cause and fix.
/// </summary>
[Collection(PortalCollection.VisitsAndComplaints)]
public sealed class PortalComplaintTests(PortalFixture portal)
{
    public sealed record Words(
        string Customers, string FileForCustomer, string Type, string Quality, string Description, string Contact, string Submit, string Required,
        string Department, string Routed, string Start, string InProgress, string RootCause, string Fix, string Resolve, string Resolved, string Queue);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("客户", "为该客户登记投诉", "投诉类型", "产品质量", "投诉内容", "联系人", "提交投诉", "必填", "Quality", "已分派", "开始处理", "处理中", "原因分析", "处理措施", "解决", "已解决", "本部门待处理投诉（按 SLA 风险）") },
        { "en", new Words("Customers", "File a complaint for this customer", "Type", "Product quality", "Description", "Contact person", "File the complaint", "Required", "Quality", "Routed", "Start", "In progress", "Root cause", "Fix", "Resolve", "Resolved", "My department's queue by SLA risk") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_files_a_complaint_it_is_routed_with_its_sla_and_the_department_resolves_it(string culture, Words words)
    {
        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Customers, Exact = true }).ClickAsync();
        await rep.Locator(".rz-data-row a").First.ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.FileForCustomer }).ClickAsync();

        var description = $"Tiles cracked on delivery {Guid.NewGuid():N}";
        await rep.GetByLabel(words.Description, new() { Exact = true }).FillAsync(description);
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Expect(rep.Locator("#type-error")).ToContainTextAsync(words.Required);
        await Expect(rep.Locator("#contactPerson-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "complaint-file-invalid");

        await PortalFixture.ChooseAsync(rep.Locator(".field", new() { Has = rep.GetByText(words.Type, new() { Exact = true }) }).Locator(".rz-dropdown"), words.Quality);
        await rep.GetByLabel(words.Contact, new() { Exact = true }).FillAsync("Chen Gong");
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();

        // Routed by the seeded rule "Product quality to Quality", with its SLA clocks running.
        await Expect(rep.GetByTestId("complaint-department")).ToContainTextAsync(words.Department);
        await Expect(rep.GetByTestId("complaint-status")).ToHaveTextAsync(words.Routed);
        await Expect(rep.GetByTestId("sla-state").First).ToBeVisibleAsync();
        await Expect(rep.GetByTestId("resolution-due")).ToContainTextAsync(DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "complaint-routed");
        var number = (await rep.Locator("h1").TextContentAsync())!.Split(' ')[0];

        var handler = await portal.SignInAsync("handler.quality", culture);
        var queue = handler.GetByTestId("open-complaints");
        await Expect(queue.GetByRole(AriaRole.Heading, new() { Name = words.Queue })).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(handler);
        await PortalFixture.ScreenshotAsync(handler, culture, "home-handler");
        await handler.GotoAsync("/complaints");
        await handler.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await PortalFixture.ScreenshotAsync(handler, culture, "complaint-handler");

        await handler.GetByRole(AriaRole.Button, new() { Name = words.Start, Exact = true }).ClickAsync();
        await Expect(handler.GetByTestId("complaint-status")).ToHaveTextAsync(words.InProgress);
        await handler.GetByLabel(words.RootCause, new() { Exact = true }).FillAsync("Pallets stacked too high in the truck");
        await handler.GetByLabel(words.Fix, new() { Exact = true }).FillAsync("Replaced 40 boxes; loading rule changed");
        await handler.GetByRole(AriaRole.Button, new() { Name = words.Resolve, Exact = true }).ClickAsync();

        await Expect(handler.GetByTestId("complaint-status")).ToHaveTextAsync(words.Resolved);
        await Expect(handler.GetByTestId("complaint-timeline").Locator("li").Last).ToContainTextAsync(words.Resolved);
        await PortalFixture.AssertAccessibleAsync(handler);
    }
}
