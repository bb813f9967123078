using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The CRM supervisor's administration of the customer database: the evaluation weights (a refused threshold shown on
/// its field, then a change), the cards not verified in time, and a visit's proposal to deregister a customer (a rejection
/// without a note refused on it, then confirmed).
/// </summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalCustomerAdminTests(PortalFixture portal)
{
    public sealed record Words(
        string Weights, string Cooperation, string RewardAtLeast, string EliminateBelow, string Save, string NotAbove, string Saved, string Unverified,
        string Deregistrations, string Reject, string Confirm, string Required, string Deregistered);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("评价权重", "合作", "奖励阈值（不低于）", "淘汰阈值（低于）", "保存", "不得高于奖励阈值", "权重已保存。", "未核实客户", "注销提议", "驳回", "确认", "必填", "已注销") },
        { "en", new Words("Evaluation weights", "Cooperation", "Reward at or above", "Eliminate below", "Save", "Must not be above the reward threshold", "The weights are saved.", "Unverified cards", "Deregistration proposals", "Reject", "Confirm", "Required", "Deregistered") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task the_supervisor_edits_the_evaluation_weights_after_a_refused_threshold_and_opens_the_reports(string culture, Words words)
    {
        using var api = await portal.ApiAsync("supervisor");
        var before = await api.GetFromJsonAsync<JsonElement>("/api/customers/evaluation-weights");
        var cooperation = before.GetProperty("cooperation").GetInt32();
        var reward = before.GetProperty("rewardAtLeast").GetInt32();
        var closed = $"已停业客户 {culture} {Guid.NewGuid().ToString("N")[..6]}";
        var closedId = await CustomerSetup.RegisterAsync(portal, closed);
        await CustomerSetup.VisitAsync(portal, closedId, new { purpose = "Routine visit", satisfaction = 3, proposeDeregistration = "The shop has closed down" },
            async api => (await api.GetFromJsonAsync<JsonElement>("/api/customers/deregistration-proposals?status=Pending&pageSize=100"))
                .GetProperty("items").EnumerateArray().Any(p => p.GetProperty("customerId").GetString() == closedId));
        var supervisor = await portal.SignInAsync("supervisor", culture);
        try
        {
            await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Weights }).ClickAsync();
            await Expect(supervisor.GetByLabel(words.RewardAtLeast, new() { Exact = true })).ToHaveValueAsync(reward.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // Eliminating above the reward threshold is refused on the threshold's field, and nothing changes.
            await supervisor.GetByLabel(words.EliminateBelow, new() { Exact = true }).FillAsync((reward + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.Locator("#eliminateBelow-error")).ToContainTextAsync(words.NotAbove);
            await PortalFixture.AssertAccessibleAsync(supervisor);
            await PortalFixture.ScreenshotAsync(supervisor, culture, "evaluation-weights-invalid");
            Assert.Equal(before.GetProperty("version").GetInt64(), (await api.GetFromJsonAsync<JsonElement>("/api/customers/evaluation-weights")).GetProperty("version").GetInt64());

            await supervisor.GetByLabel(words.EliminateBelow, new() { Exact = true })
                .FillAsync(before.GetProperty("eliminateBelow").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            await supervisor.GetByLabel(words.Cooperation, new() { Exact = true }).FillAsync((cooperation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await supervisor.GetByRole(AriaRole.Button, new() { Name = words.Save, Exact = true }).ClickAsync();
            await Expect(supervisor.GetByTestId("weights-saved")).ToContainTextAsync(words.Saved);
            await Expect(supervisor.Locator("#eliminateBelow-error")).ToHaveCountAsync(0);
            await Expect(supervisor.GetByTestId("weights-updated")).ToContainTextAsync("supervisor");
            await supervisor.ReloadAsync();
            await Expect(supervisor.GetByLabel(words.Cooperation, new() { Exact = true })).ToHaveValueAsync((cooperation + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            // The weights are shared by every test's evaluations: put them back as they were.
            var current = await api.GetAsync("/api/customers/evaluation-weights");
            using var restore = new HttpRequestMessage(HttpMethod.Put, "/api/customers/evaluation-weights") { Content = JsonContent.Create(before) };
            restore.Headers.IfMatch.Add(current.Headers.ETag!);
            (await api.SendAsync(restore)).EnsureSuccessStatusCode();
        }

        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Unverified }).ClickAsync();
        await Expect(supervisor.GetByTestId("unverified-total")).ToBeVisibleAsync();
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "customers-unverified");

        await supervisor.GetByRole(AriaRole.Link, new() { Name = words.Deregistrations }).ClickAsync();
        var proposal = supervisor.Locator(".rz-data-row", new() { HasText = closed });
        await proposal.GetByRole(AriaRole.Button, new() { Name = words.Reject, Exact = true }).ClickAsync();
        await Expect(proposal.Locator("#note-error")).ToContainTextAsync(words.Required);
        await PortalFixture.AssertAccessibleAsync(supervisor);
        await PortalFixture.ScreenshotAsync(supervisor, culture, "customers-deregistrations");

        await proposal.GetByRole(AriaRole.Button, new() { Name = words.Confirm, Exact = true }).ClickAsync();
        await Expect(proposal).ToHaveCountAsync(0);
        await supervisor.GotoAsync($"/customers/{closedId}");
        await Expect(supervisor.Locator(".facts")).ToContainTextAsync(words.Deregistered);
    }
}
