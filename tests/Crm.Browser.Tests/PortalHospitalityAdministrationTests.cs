using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The CRM supervisor keeps the reception standards and the approval rules: a change the API refuses is shown on its
/// field and stores nothing, an accepted one is kept. Every test shares the standards, so the one changed is put back.
/// </summary>
[Collection(PortalCollection.ContractsAndHospitality)]
public sealed class PortalHospitalityAdministrationTests(PortalFixture portal)
{
    public sealed record Words(string Standards, string Rules, string Save, string Required, string KeyAccount, string LastRule);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("接待标准", "参观审批规则", "保存", "必填", "重点客户", "最后一条规则须适用于所有申请") },
        { "en", new Words("Reception standards", "Visit approval rules", "Save", "Required", "Key account", "The last rule must take every application") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task the_supervisor_changes_a_reception_standard_and_a_refused_rule_change_stores_nothing(string culture, Words words)
    {
        using var api = await portal.ApiAsync("supervisor");
        var original = await api.GetFromJsonAsync<JsonElement>("/api/hospitality/reception-standards");
        var supervisor = await portal.SignInAsync("supervisor", culture);
        try
        {
            await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Standards, Exact = true }).ClickAsync();
            var room = supervisor.Locator("input[name='standards[0].room']");
            await room.FillAsync("");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.Locator("[id='standards[0].room-error']")).ToContainTextAsync(words.Required);
            await PortalFixture.AssertAccessibleAsync(supervisor);
            await PortalFixture.ScreenshotAsync(supervisor, culture, "reception-standards-refused");

            var changed = $"VIP room {Guid.NewGuid():N}"[..16];
            await room.FillAsync(changed);
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.Locator("[id='standards[0].room-error']")).ToHaveCountAsync(0);
            await supervisor.ReloadAsync();
            await Expect(supervisor.Locator("input[name='standards[0].room']")).ToHaveValueAsync(changed);
        }
        finally
        {
            await RestoreAsync(api, original);
        }

        // The last rule must take every application: limiting it to key accounts is refused on that rule.
        var rules = await api.GetFromJsonAsync<JsonElement>("/api/hospitality/approval-rules");
        var last = supervisor.GetByTestId($"rules[{rules.GetProperty("rules").GetArrayLength() - 1}]");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Rules, Exact = true }).ClickAsync();
        await last.GetByRole(AriaRole.Checkbox, new() { Name = words.KeyAccount, Exact = true }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
        await Expect(last.Locator($"[id='rules[{rules.GetProperty("rules").GetArrayLength() - 1}]-error']")).ToContainTextAsync(words.LastRule);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "approval-rules-refused");
        await supervisor.ReloadAsync();
        await Expect(last.GetByRole(AriaRole.Checkbox, new() { Name = words.KeyAccount, Exact = true })).Not.ToBeCheckedAsync();
    }

    /// <summary>The standards as they were before the test, under the version the test left.</summary>
    private static async Task RestoreAsync(HttpClient api, JsonElement original)
    {
        using var current = await api.GetAsync("/api/hospitality/reception-standards");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/hospitality/reception-standards")
        {
            Content = JsonContent.Create(new { standards = original.GetProperty("standards") }),
        };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        (await api.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
