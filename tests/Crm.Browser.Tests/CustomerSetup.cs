using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Browser.Tests;

/// <summary>
/// What the customer card's tests prepare over the API, as rep.east would in the field: a new dealer of theirs, a
/// visit to it today with its report (the visit's own screens are tested by PortalVisitTests) and a complaint.
/// </summary>
internal static class CustomerSetup
{
    /// <summary>A new dealer of rep.east's in the East region: its id.</summary>
    public static async Task<string> RegisterAsync(PortalFixture portal, string name)
    {
        using var rep = await portal.ApiAsync("rep.east");
        var registered = await rep.PostAsJsonAsync("/api/customers", new { name, kind = "Dealer", region = "EAST", address = "杭州市上城区解放路 1 号" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// rep.east visits the customer today, checks in and out and submits the report, then waits until Customers holds
    /// what the report proposed (<paramref name="proposed"/> asks the API as the supervisor).
    /// </summary>
    public static async Task VisitAsync(PortalFixture portal, string customerId, object report, Func<HttpClient, Task<bool>> proposed)
    {
        using var rep = await portal.ApiAsync("rep.east");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var visit = await Crm.Testing.Eventually.Get(async () =>
        {
            var scheduled = await rep.PostAsJsonAsync("/api/visits", new { customerId, day = today });
            return scheduled.StatusCode == HttpStatusCode.Created ? (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
        }, TimeSpan.FromSeconds(10), "the customer to reach Visits, so that a visit can be scheduled");
        var here = new { latitude = 31.2304, longitude = 121.4737 };
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/visits/{visit}/check-in", here)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/visits/{visit}/check-out", here)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"/api/visits/{visit}/report", report)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/visits/{visit}/report/submit", null)).StatusCode);
        using var supervisor = await portal.ApiAsync("supervisor");
        await Crm.Testing.Eventually.True(() => proposed(supervisor), TimeSpan.FromSeconds(10), "the visit's proposal to reach Customers");
    }

    /// <summary>rep.east files a complaint for the customer once Complaints knows it: the complaint's number.</summary>
    public static async Task<string> FileComplaintAsync(PortalFixture portal, string customerId)
    {
        using var rep = await portal.ApiAsync("rep.east");
        return await Crm.Testing.Eventually.Get(async () =>
        {
            var filed = await rep.PostAsJsonAsync("/api/complaints", new
            {
                customerId, channel = "Phone", type = "ProductQuality", severity = "Medium", description = "Glaze flaking on the new series", contactPerson = "Chen Gong",
            });
            return filed.StatusCode == HttpStatusCode.Created ? (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString() : null;
        }, TimeSpan.FromSeconds(10), "the customer to reach Complaints, so that a complaint can name it");
    }
}
