using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Browser.Tests;

/// <summary>
/// What a hospitality test prepares behind the portal's back, over the API as the demo users (each signed in once): an
/// application for one of the rep's demo customers, and the decisions its own test does not walk.
/// </summary>
public sealed class HospitalityPreparation(PortalFixture portal) : IDisposable
{
    /// <summary>Who approves each role's step in the demo data.</summary>
    public static readonly IReadOnlyDictionary<string, string> Approvers = new Dictionary<string, string>
    {
        ["BranchManager"] = "manager.east", ["RegionalDirector"] = "director.east", ["MarketingGM"] = "gm", ["Chairman"] = "chairman",
    };

    private readonly Dictionary<string, HttpClient> users = [];

    /// <summary>rep.east applies for the demo customer with <paramref name="code"/>; the visitor is "周总 Zhou", the host the marketing GM.</summary>
    public async Task<Guid> ApplyAsync(string code, DateTimeOffset start, bool urgent, bool asksToPhotograph)
    {
        var rep = await AsAsync("rep.east");
        var customers = (await rep.GetFromJsonAsync<JsonElement>($"/api/customers?q={code}")).GetProperty("items");
        var customerId = customers.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var response = await rep.PostAsJsonAsync("/api/hospitality/applications", new
        {
            customerId,
            visit = new
            {
                visitors = new[] { new { name = "周总 Zhou", position = "总经理 General manager", isKeyPerson = true } },
                start, end = start.AddHours(2), purpose = "See the new kiln line", kind = "AdHoc", wantsToSee = "Line 3", asksToPhotograph, hostId = "gm", urgent,
            },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The application as the CRM supervisor, who sees every one, reads it.</summary>
    public async Task<JsonElement> ReadAsync(Guid id) =>
        await (await AsAsync("supervisor")).GetFromJsonAsync<JsonElement>($"/api/hospitality/applications/{id}");

    /// <summary>Each step's approver approves in turn until the chain has none left, or the first returns it.</summary>
    public async Task DecideAsync(Guid id, string decision)
    {
        while ((await ReadAsync(id)) is var application && application.GetProperty("status").GetString() == "Submitted")
        {
            await PostAsync(Approvers[application.GetProperty("waitingFor").GetString()!], id, "decide",
                new { decision, comment = decision == "Approve" ? null : "Name the second visitor's company" });
            if (decision != "Approve")
            {
                return;
            }
        }
    }

    /// <summary>A change to the application by <paramref name="userName"/>, under the version it has now.</summary>
    public async Task PostAsync(string userName, Guid id, string action, object body)
    {
        var version = (await ReadAsync(id)).GetProperty("version").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hospitality/applications/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        (await (await AsAsync(userName)).SendAsync(request)).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        foreach (var http in users.Values)
        {
            http.Dispose();
        }
    }

    private async Task<HttpClient> AsAsync(string userName) =>
        users.TryGetValue(userName, out var http) ? http : users[userName] = await portal.ApiAsync(userName);
}
