using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests;

/// <summary>
/// The maps: a rep's customers as markers by grade, filtered by grade, and the day's visits in their best order from
/// where the rep stands, on a map drawn with the Leaflet the portal serves itself (no request leaves for a CDN).
/// </summary>
[Collection(PortalCollection.Customers)]
public sealed class PortalMapTests(PortalFixture portal)
{
    // The browser stands in Shanghai (PortalFixture); these customers are east of it, on its parallel.
    private const double Latitude = 31.2304, Longitude = 121.4737;

    public sealed record Words(
        string Customers, string Map, string Grade, string GradeName, string Visits, string NextWeek, string ReturnToStart, string Plan, string Required,
        string UseMyPosition);

    public static TheoryData<string, Words> Languages => new()
    {
        { "zh-CN", new Words("客户", "地图", "客户等级", "{0} 级", "客户拜访", "下一周", "返回出发点", "规划路线", "必填", "从我的位置出发") },
        { "en", new Words("Customers", "Map", "Grade", "{0}", "Visits", "Next week", "Return to the start", "Plan the route", "Required", "Start from my position") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_sees_their_customers_on_the_map_by_grade_and_filters_them(string culture, Words words)
    {
        using var api = await portal.ApiAsync("rep.east");
        var customers = JsonDocument.Parse(await api.GetStringAsync("/api/customers?status=Active&pageSize=200")).RootElement.GetProperty("items")
            .EnumerateArray().ToList();
        var placed = customers.Where(c => c.GetProperty("latitude").ValueKind == JsonValueKind.Number).ToList();
        var grade = placed[0].GetProperty("grade").GetString()!;

        var rep = await portal.SignInAsync("rep.east", culture);
        var requests = new List<string>();
        rep.Request += (_, request) => requests.Add(request.Url);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Customers, Exact = true }).ClickAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Map, Exact = true }).ClickAsync();

        var markers = rep.GetByTestId("map").Locator(".leaflet-marker-icon");
        await Expect(markers).ToHaveCountAsync(placed.Count);
        var name = placed[0].GetProperty("name").GetString()!;
        await Expect(rep.GetByTestId("map").Locator($".leaflet-marker-icon[title^=\"{name.Replace("\"", "\\\"")}\"]").First)
            .ToHaveClassAsync(new Regex($"grade-{grade}"));
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "customer-map");

        await PortalFixture.ChooseAsync(rep.Locator(".filters > div", new() { Has = rep.GetByText(words.Grade, new() { Exact = true }) }).Locator(".rz-dropdown"), string.Format(words.GradeName, grade));
        await Expect(markers).ToHaveCountAsync(placed.Count(c => c.GetProperty("grade").GetString() == grade));
        await Expect(markers.First).ToHaveClassAsync(new Regex($"grade-{grade}"));

        var portalOrigin = new Uri(portal.Url).GetLeftPart(UriPartial.Authority);
        Assert.Contains(requests, r => r.Contains("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith(portalOrigin, r, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task a_rep_plans_the_days_route_from_where_they_stand_nearest_first(string culture, Words words)
    {
        using var api = await portal.ApiAsync("rep.east");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var day = today.AddDays(1);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var far = await ScheduledVisit(api, $"Far {tag} 远", 0.03, day);
        var near = await ScheduledVisit(api, $"Near {tag} 近", 0.01, day);

        var rep = await portal.SignInAsync("rep.east", culture);
        await rep.GetByRole(AriaRole.Link, new() { Name = words.Visits, Exact = true }).ClickAsync();
        if (today.DayOfWeek == DayOfWeek.Sunday)
        {
            await rep.GetByRole(AriaRole.Button, new() { Name = words.NextWeek, Exact = true }).ClickAsync();
        }

        await rep.Locator($"a.day-route[href$='{day:yyyy-MM-dd}']").ClickAsync();

        // Clicked, then awaited: the checkbox changes once the server has answered, later than Playwright's UncheckAsync looks.
        var returnToStart = rep.GetByRole(AriaRole.Checkbox, new() { Name = words.ReturnToStart, Exact = true });
        await returnToStart.ClickAsync();
        await Expect(returnToStart).Not.ToBeCheckedAsync();
        await rep.GetByRole(AriaRole.Button, new() { Name = words.Plan, Exact = true }).ClickAsync();
        await Expect(rep.Locator("[id='start.latitude-error']")).ToContainTextAsync(words.Required);

        await rep.GetByRole(AriaRole.Button, new() { Name = words.UseMyPosition, Exact = true }).ClickAsync();
        var stops = rep.GetByTestId("route-stops").Locator(".rz-data-row");
        await Expect(stops.Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        var names = await stops.Filter(new() { HasText = tag }).AllInnerTextsAsync();
        Assert.Contains(near, names[0], StringComparison.Ordinal);
        Assert.Contains(far, names[1], StringComparison.Ordinal);
        await Expect(rep.GetByTestId("map").Locator(".leaflet-marker-icon")).ToHaveCountAsync(await stops.CountAsync() + 1);
        await Expect(rep.GetByTestId("map").Locator("path.leaflet-interactive")).ToHaveCountAsync(1);
        await PortalFixture.AssertAccessibleAsync(rep);
        await PortalFixture.ScreenshotAsync(rep, culture, "visit-route");
    }

    private static async Task<string> ScheduledVisit(HttpClient api, string name, double east, DateOnly day)
    {
        var registered = await api.PostAsJsonAsync("/api/customers", new
        {
            name, kind = "Dealer", region = "EAST", address = "上海市黄浦区南京东路 1 号", latitude = Latitude, longitude = Longitude + east, datum = "Wgs84",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // The customer reaches Visits over the bus; until then scheduling names an unknown customer.
        await Crm.Testing.Eventually.True(async () =>
            (await api.PostAsJsonAsync("/api/visits", new { customerId, day })).StatusCode == HttpStatusCode.Created);
        return name;
    }
}
