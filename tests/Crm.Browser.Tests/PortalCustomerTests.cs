using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>A rep's customer work in the portal: search, register with a mistake shown on its field, the card, editing.</summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalCustomerTests(PortalFixture portal)
{
    public sealed record Words(string Register, string Name, string Kind, string Dealer, string Phone, string Save, string Required, string PhoneRule, string Edit, string Address, string Customers);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("登记客户", "客户名称", "客户类型", "经销商", "电话", "保存", "必填", "至少 5 位数字", "编辑", "地址", "客户") },
        { "en", new Words("Register a customer", "Name", "Kind", "Dealer", "Phone", "Save", "Required", "at least 5 digits", "Edit", "Address", "Customers") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_registers_a_customer_sees_the_mistake_on_its_field_then_edits_the_card(string culture, Words words)
    {
        var page = await portal.SignInAsync("rep.east", culture);
        var name = $"浙江测试客户 {culture} {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByRole(AriaRole.Link, new() { Name = words.Customers, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.Customers, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-data-row").First).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "customers");

        await page.GetByRole(AriaRole.Button, new() { Name = words.Register }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.Register })).ToBeVisibleAsync();
        await page.GetByLabel(words.Name, new() { Exact = true }).FillAsync(name);
        await page.GetByLabel(words.Phone, new() { Exact = true }).FillAsync("call me");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Save }).ClickAsync();

        // The API refused: the kind is missing and the phone is not a phone, each said under its own input.
        await Expect(page.Locator("#kind-error")).ToContainTextAsync(words.Required);
        await Expect(page.Locator("#phone-error")).ToContainTextAsync(words.PhoneRule);
        await Expect(page.GetByLabel(words.Phone, new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "customer-register-invalid");
        Assert.Equal(0, await CountAsync(name));

        await PortalFixture.ChooseAsync(page.Locator(".field", new() { Has = page.GetByText(words.Kind, new() { Exact = true }) }).Locator(".rz-dropdown"), words.Dealer);
        await page.GetByLabel(words.Phone, new() { Exact = true }).FillAsync("+86 571 8888 0000");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Save }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.Locator(".facts")).ToContainTextAsync("+86 571 8888 0000");
        await Expect(page.Locator(".timeline li")).ToHaveCountAsync(1);
        await PortalFixture.AssertAccessibleAsync(page);
        await PortalFixture.ScreenshotAsync(page, culture, "customer-card");
        Assert.Equal(1, await CountAsync(name));

        await page.GetByRole(AriaRole.Button, new() { Name = words.Edit }).ClickAsync();
        await page.GetByLabel(words.Address, new() { Exact = true }).FillAsync("杭州市西湖区文三路 100 号");
        await PortalFixture.ScreenshotAsync(page, culture, "customer-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Save }).ClickAsync();

        await Expect(page.Locator(".facts")).ToContainTextAsync("杭州市西湖区文三路 100 号");
    }

    [Fact]
    public async Task an_edit_over_someone_elses_change_is_refused_not_overwritten()
    {
        var first = await portal.SignInAsync("rep.east2", "en");
        await first.GotoAsync("/customers/new");
        await first.GetByLabel("Name", new() { Exact = true }).FillAsync($"Concurrent {Guid.NewGuid():N}");
        await PortalFixture.ChooseAsync(first.Locator(".field", new() { Has = first.GetByText("Kind", new() { Exact = true }) }).Locator(".rz-dropdown"), "Retailer");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToBeVisibleAsync();
        var card = first.Url;

        var second = await portal.SignInAsync("rep.east2", "en");
        await second.GotoAsync(card + "/edit");
        await first.GotoAsync(card + "/edit");
        await second.GetByLabel("Address", new() { Exact = true }).FillAsync("Second's address");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(second.Locator(".facts")).ToContainTextAsync("Second's address");

        await first.GetByLabel("Address", new() { Exact = true }).FillAsync("First's address");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(first.GetByTestId("form-problem")).ToContainTextAsync("Someone else changed this");
        await first.GotoAsync(card);
        await Expect(first.Locator(".facts")).ToContainTextAsync("Second's address");
    }

    /// <summary>How many customers of that exact name the API knows, read as the supervisor sees every region.</summary>
    private async Task<int> CountAsync(string name)
    {
        using var http = await portal.ApiAsync("supervisor");
        var list = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/customers?q={Uri.EscapeDataString(name)}")).RootElement;
        return list.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("name").GetString() == name);
    }
}
