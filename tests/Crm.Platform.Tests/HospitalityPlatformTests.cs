using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;

namespace Crm.Platform.Tests;

/// <summary>The Hospitality service through the gateway, on PostgreSQL, with its events crossing RabbitMQ to Customers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HospitalityPlatformTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_key_customers_visit_is_reviewed_approved_its_badge_printed_and_scanned_at_the_gate_and_its_proposed_grade_waits_in_Customers()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        using var director = await fixture.Platform.ClientAsync("director.east");
        using var gm = await fixture.Platform.ClientAsync("gm");
        using var frontDesk = await fixture.Platform.ClientAsync("frontdesk");
        var id = Guid.Parse((await Api.RegisterCustomer(rep, "EAST")).Text("id"));
        await Api.Eventually(rep, $"/api/hospitality/customers/{id}", c => c.Text("tier") == "Key", "the key customer in Hospitality's read model");
        // Urgent: it starts in 20 minutes (a key customer's visit asks a day's notice), so the gate is already open for it.
        var urgent = await rep.PostAsJsonAsync("/api/hospitality/applications", new
        {
            customerId = id,
            visit = new
            {
                visitors = new[] { new { name = "王总", position = "总经理", isKeyPerson = true } }, start = DateTimeOffset.UtcNow.AddMinutes(20),
                end = DateTimeOffset.UtcNow.AddHours(8), purpose = "See the kiln line", hostId = "gm", urgent = true,
            },
        });
        Assert.Equal(HttpStatusCode.Created, urgent.StatusCode);
        var application = await Api.Json(urgent);
        Assert.True(application["urgent"]!.GetValue<bool>());
        Assert.Equal("RegionalDirector", application.Text("waitingFor"));
        var url = $"/api/hospitality/applications/{application.Text("id")}";

        Assert.Equal(HttpStatusCode.OK, (await director.PostAsJsonAsync($"{url}/decide", new { decision = "Approve", comment = "Welcome" })).StatusCode);
        var approved = await Api.Json(await gm.PostAsJsonAsync($"{url}/decide", new { decision = "Approve" }));
        Assert.Equal("Approved", approved.Text("status"));
        Assert.Equal("MarketingGM", approved["reception"]!.AsObject().Text("accompaniedBy"));
        var permit = approved.Text("permitNumber");

        // The front desk prints the badges and the gate scans one.
        using var badges = new PrintedPdf(await frontDesk.GetByteArrayAsync($"{url}/badges.pdf"));
        Assert.Contains("王总", Assert.Single(badges.Pages), StringComparison.Ordinal);
        var check = await Api.Json(await frontDesk.GetAsync($"/api/hospitality/gate/{badges.QrCode(1)}"));
        Assert.Equal((true, permit), (check["valid"]!.GetValue<bool>(), check.Text("permitNumber")));
        Assert.Equal(HttpStatusCode.OK, (await frontDesk.PostAsJsonAsync($"/api/hospitality/gate/{permit}/check-in", new { visitor = "王总" })).StatusCode);

        var completed = await gm.PostAsJsonAsync($"{url}/outcome", new { outcome = "Agreed a trial order", proposedGrade = "C", gradeReason = "Trial order agreed" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var proposal = await Testing.Eventually.Get(async () =>
        {
            var list = JsonNode.Parse(await rep.GetStringAsync($"/api/customers/{id}/grade-proposals?status=Pending"))!.AsArray();
            return list.Count == 1 ? list[0]!.AsObject() : null;
        }, TimeSpan.FromSeconds(30), "the hospitality visit's proposal pending in Customers");
        Assert.Equal(("C", "hospitality", application.Text("id")), (proposal.Text("proposedGrade"), proposal.Text("source"), proposal.Text("sourceId")));
    }
}
